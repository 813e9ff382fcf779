using CertOperator.Validation;

namespace CertOperator.Tests.Validation;

/// <summary>cert-manager's TestValidateDuration table: duration, renewBefore and renewBeforePercentage together.</summary>
public sealed class DurationValidationTests
{
    public static TheoryData<string, string?, string?, int?, string?, string?> Cases => new()
    {
        { "default duration and renewBefore", null, null, null, null, null },
        { "valid duration and renewBefore", "720h", "168h", null, null, null },
        { "unset duration, valid renewBefore for default", null, "720h", null, null, null },
        { "unset renewBefore, valid duration for default", "4320h", null, null, null, null },
        { "renewBefore is bigger than the default duration", null, "87600h", null, "spec.renewBefore", "certificate duration 2160h0m0s must be greater than renewBefore 87600h0m0s" },
        { "renewBefore is bigger than the duration", "720h", "8760h", null, "spec.renewBefore", "certificate duration 720h0m0s must be greater than renewBefore 8760h0m0s" },
        { "renewBefore equal to the duration", "2h", "2h", null, "spec.renewBefore", "must be greater than renewBefore 2h0m0s" },
        { "renewBefore is less than the minimum permitted value", null, "1s", null, "spec.renewBefore", "certificate renewBefore must be greater than 5m0s" },
        { "renewBefore and renewBeforePercentage both set", "720h", "168h", 95, "spec.renewBeforePercentage", "renewBefore and renewBeforePercentage are mutually exclusive and cannot both be set" },
        { "renewBefore and renewBeforePercentage both set, on renewBefore too", "720h", "168h", 95, "spec.renewBefore", "mutually exclusive" },
        { "valid duration and renewBeforePercentage", "720h", null, 25, null, null },
        { "unset duration, valid renewBeforePercentage for default", null, null, 25, null, null },
        { "renewBeforePercentage is equal to duration", "720h", null, 0, "spec.renewBeforePercentage", "certificate renewBeforePercentage must result in a renewBefore less than duration" },
        { "renewBeforePercentage results in less than the minimum", "720h", null, 100, "spec.renewBeforePercentage", "must result in a renewBefore greater than 5m0s" },
        { "duration is less than the minimum permitted value", "30m", null, null, "spec.duration", "certificate duration must be greater than 1h0m0s" },
        { "duration of exactly the minimum", "1h", "59m57s", null, null, null },
        { "renewBeforePercentage=1 with a 10-year duration does not overflow", "87600h", null, 1, null, null },
        { "renewBeforePercentage=1 with a 3-year duration does not overflow", "26280h", null, 1, null, null },
        { "duration that is not a Go duration", "90d", null, null, "spec.duration", "is not a Go duration" },
        { "renewBefore that is not a Go duration", null, "1 week", null, "spec.renewBefore", "is not a Go duration" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Durations(string name, string? duration, string? renewBefore, int? percentage, string? field, string? fragment)
    {
        var certificate = Gen.Certificate(spec: s => (s.Duration, s.RenewBefore, s.RenewBeforePercentage) = (duration, renewBefore, percentage));

        Expect.Outcome(CertificateValidation.Validate(certificate.Spec), name, field, fragment);
    }
}
