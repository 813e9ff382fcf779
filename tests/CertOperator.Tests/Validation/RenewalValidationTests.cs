using CertOperator.Crds.Certificates;
using CertOperator.Validation;

namespace CertOperator.Tests.Validation;

/// <summary>
/// cert-manager 1.21.1's rows for duration, renewBefore, renewBeforePercentage and spec.renewal
/// (TestValidateDuration and TestValidateCertificate in internal/apis/certmanager/validation/certificate_test.go),
/// compared as its ElementsMatch does: exactly these errors, with its field paths and messages.
/// </summary>
public sealed class RenewalValidationTests
{
    private const string Exclusive = "renewBefore and renewBeforePercentage are mutually exclusive and cannot both be set";
    private const string CronGrammar = ". cron needs to follow: cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow";

    private static CertificateRenewalWindow Window(string cron, string duration = "2h", string? zone = null) =>
        new() { Cron = cron, WindowDuration = duration, Timezone = zone };

    public static TheoryData<string, Action<CertificateSpec>, string[]> Cases => new()
    {
        // TestValidateDuration
        { "default duration and renewBefore", _ => { }, [] },
        { "valid duration and renewBefore", s => (s.Duration, s.RenewBefore) = ("8760h", "4320h"), [] },
        { "unset duration, valid renewBefore for default", s => s.RenewBefore = "720h", [] },
        { "unset renewBefore, valid duration for default", s => s.Duration = "8760h", [] },
        { "renewBefore is bigger than the default duration", s => s.RenewBefore = "87600h", ["spec.renewBefore: certificate duration 2160h0m0s must be greater than renewBefore 87600h0m0s"] },
        { "renewBefore is bigger than the duration", s => (s.Duration, s.RenewBefore) = ("720h", "8760h"), ["spec.renewBefore: certificate duration 720h0m0s must be greater than renewBefore 8760h0m0s"] },
        { "renewBefore is less than the minimum permitted value", s => s.RenewBefore = "1s", ["spec.renewBefore: certificate renewBefore must be greater than 5m0s"] },
        { "renewBefore and renewBeforePercentage both set", s => (s.RenewBefore, s.RenewBeforePercentage) = ("720h", 95), [$"spec.renewBefore: {Exclusive}", $"spec.renewBeforePercentage: {Exclusive}"] },
        { "valid duration and renewBeforePercentage", s => (s.Duration, s.RenewBeforePercentage) = ("8760h", 95), [] },
        { "unset duration, valid renewBeforePercentage for default", s => s.RenewBeforePercentage = 95, [] },
        { "renewBeforePercentage is equal to duration", s => s.RenewBeforePercentage = 0, ["spec.renewBeforePercentage: certificate renewBeforePercentage must result in a renewBefore less than duration"] },
        { "renewBeforePercentage results in less than the minimum permitted value", s => s.RenewBeforePercentage = 100, ["spec.renewBeforePercentage: certificate renewBeforePercentage must result in a renewBefore greater than 5m0s"] },
        { "duration is less than the minimum permitted value", s => (s.Duration, s.RenewBefore) = ("30m", "10m"), ["spec.duration: certificate duration must be greater than 1h0m0s"] },
        { "renewBeforePercentage=1 with 10-year duration does not overflow int64", s => (s.Duration, s.RenewBeforePercentage) = ("87600h", 1), [] },
        { "renewBeforePercentage=1 with 3-year duration does not overflow int64", s => (s.Duration, s.RenewBeforePercentage) = ("26280h", 1), [] },

        // renewBefore >= duration at the sizes of TestRenewalTime and TestRenewBefore
        { "24h certificate, renewBefore 25h", s => (s.Duration, s.RenewBefore) = ("24h", "25h"), ["spec.renewBefore: certificate duration 24h0m0s must be greater than renewBefore 25h0m0s"] },
        { "24h certificate, renewBefore 24h", s => (s.Duration, s.RenewBefore) = ("24h", "24h"), ["spec.renewBefore: certificate duration 24h0m0s must be greater than renewBefore 24h0m0s"] },
        { "24h3m certificate, renewBefore 24h", s => (s.Duration, s.RenewBefore) = ("24h3m", "24h"), [] },
        { "3h certificate, renewBefore 4h", s => (s.Duration, s.RenewBefore) = ("3h", "4h"), ["spec.renewBefore: certificate duration 3h0m0s must be greater than renewBefore 4h0m0s"] },
        { "3h certificate, renewBefore 1h", s => (s.Duration, s.RenewBefore) = ("3h", "1h"), [] },
        { "renewBefore below the minimum on a 1h certificate", s => (s.Duration, s.RenewBefore) = ("1h", "4m"), ["spec.renewBefore: certificate renewBefore must be greater than 5m0s"] },
        { "duration below the minimum with renewBefore above it", s => (s.Duration, s.RenewBefore) = ("30m", "45m"), ["spec.duration: certificate duration must be greater than 1h0m0s", "spec.renewBefore: certificate duration 30m0s must be greater than renewBefore 45m0s"] },

        // TestValidateCertificate, spec.renewal
        { "invalid windows when renewal policy is disabled", s => s.Renewal = new() { Policy = "Disabled", Windows = [Window("0 12 * * *")] }, ["spec.renewal.windows: windows cannot be set when `renewal.policy` is set to Disabled"] },
        { "valid renewal config with single window", s => s.Renewal = new() { Policy = "RenewBefore", Windows = [Window("0 12 * * *")] }, [] },
        {
            "invalid renewal cron with timezone prefix and no schedule", s => s.Renewal = new() { Policy = "RenewBefore", Windows = [Window("CRON_TZ=UTC")] },
            [$"spec.renewal.windows[0].cron: invalid cron syntax: failed to parse cron spec 'CRON_TZ=UTC': expected timezone prefix to be followed by a cron spec: CRON_TZ=UTC{CronGrammar}"]
        },

        // The rest of validateCertificateRenewal and validateCertificateRenewalWindows
        { "renewal disabled", s => s.Renewal = new() { Policy = "Disabled" }, [] },
        { "renewal policy unknown", s => s.Renewal = new() { Policy = "Sometimes" }, ["spec.renewal.policy: Unsupported value: \"Sometimes\": supported values: \"Disabled\", \"RenewBefore\""] },
        {
            "renewal policy unknown, windows still checked", s => s.Renewal = new() { Policy = "Sometimes", Windows = [Window("0 25 * * *")] },
            ["spec.renewal.policy: Unsupported value: \"Sometimes\": supported values: \"Disabled\", \"RenewBefore\"", $"spec.renewal.windows[0].cron: invalid cron syntax: failed to parse cron spec '0 25 * * *': end of range (25) above maximum (23): 25{CronGrammar}"]
        },
        { "window with a time zone", s => s.Renewal = new() { Policy = "RenewBefore", Windows = [Window("0 10 * * 1-5", "4h", "America/Denver")] }, [] },
        { "weekday and weekend windows", s => s.Renewal = new() { Policy = "RenewBefore", Windows = [Window("0 23 * * 1-5"), Window("0 10 * * 6,0", "4h")] }, [] },
        { "descriptor window", s => s.Renewal = new() { Policy = "RenewBefore", Windows = [Window("@daily")] }, [] },
        { "window without a duration", s => s.Renewal = new() { Policy = "RenewBefore", Windows = [Window("0 10 * * *", "")] }, ["spec.renewal.windows[0].windowDuration: windowDuration must be specified and should be greater than 0"] },
        {
            "window with an unknown time zone", s => s.Renewal = new() { Policy = "RenewBefore", Windows = [Window("0 10 * * *", "2h", "Mars/Olympus")] },
            ["spec.renewal.windows[0].timezone: invalid value for timezone. timezone must be IANA compliant", $"spec.renewal.windows[0].cron: invalid cron syntax: failed to parse cron spec '0 10 * * *': provided bad location Mars/Olympus: unknown time zone Mars/Olympus{CronGrammar}"]
        },
        {
            "second window with six fields", s => s.Renewal = new() { Policy = "RenewBefore", Windows = [Window("0 10 * * *"), Window("0 0 10 * * *")] },
            [$"spec.renewal.windows[1].cron: invalid cron syntax: failed to parse cron spec '0 0 10 * * *': expected exactly 5 fields, found 6: [0 0 10 * * *]{CronGrammar}"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Renewal_fields(string name, Action<CertificateSpec> configure, string[] expected)
    {
        var certificate = Gen.Certificate(spec: configure);

        CertificateValidation.Validate(certificate.Spec).Select(e => e.ToString()).Should().BeEquivalentTo(expected, name);
    }
}
