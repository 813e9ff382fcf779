using CertOperator.Certificates.Pki;

namespace CertOperator.Tests.Certificates.Pki;

public sealed class GoDurationTests
{
    public static TheoryData<string, string, TimeSpan> Valid => new()
    {
        { "hours", "2160h", TimeSpan.FromHours(2160) },
        { "hours and minutes", "1h30m", TimeSpan.FromMinutes(90) },
        { "minutes", "90m", TimeSpan.FromMinutes(90) },
        { "seconds", "45s", TimeSpan.FromSeconds(45) },
        { "fractional hours", "1.5h", TimeSpan.FromMinutes(90) },
        { "leading dot", ".5h", TimeSpan.FromMinutes(30) },
        { "milliseconds", "300ms", TimeSpan.FromMilliseconds(300) },
        { "microseconds", "10us", TimeSpan.FromTicks(100) },
        { "micro sign", "10µs", TimeSpan.FromTicks(100) },
        { "nanoseconds below a tick are dropped", "1550ns", TimeSpan.FromTicks(15) },
        { "Go's own format", "2160h0m0s", TimeSpan.FromHours(2160) },
        { "bare zero", "0", TimeSpan.Zero },
        { "negative", "-1h", TimeSpan.FromHours(-1) },
        { "explicit plus", "+5m", TimeSpan.FromMinutes(5) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_go_durations(string name, string text, TimeSpan expected)
    {
        var result = GoDuration.Parse(text, "spec.duration");

        result.Error.Should().BeNull(name);
        result.Value.Should().Be(expected, name);
        GoDuration.TryParse(text, out var viaTry).Should().BeTrue(name);
        viaTry.Should().Be(expected, name);
    }

    public static TheoryData<string, string?> Invalid => new()
    {
        { "null", null },
        { "empty", "" },
        { "number without unit", "10" },
        { "unit without number", "h" },
        { "unknown unit", "1d" },
        { "two decimal points", "1.2.3h" },
        { "space between parts", "1h 30m" },
        { "double sign", "--1h" },
        { "lone dot", ".h" },
        { "words", "ninety days" },
        { "overflows int64 nanoseconds", "3000000h" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Rejects_malformed_durations_naming_the_field(string name, string? text)
    {
        var result = GoDuration.Parse(text, "spec.renewBefore");

        result.Ok.Should().BeFalse(name);
        result.Error!.Field.Should().Be("spec.renewBefore");
        result.Error.Reason.Should().Be(PkiError.InvalidDuration);
        result.Error.Message.Should().Contain("spec.renewBefore").And.Contain("2160h");
        GoDuration.TryParse(text, out _).Should().BeFalse(name);
    }

    public static TheoryData<string, TimeSpan, string> Formats => new()
    {
        { "ninety days", TimeSpan.FromHours(2160), "2160h0m0s" },
        { "hour and a half", TimeSpan.FromMinutes(90), "1h30m0s" },
        { "minutes only", TimeSpan.FromMinutes(5), "5m0s" },
        { "seconds only", TimeSpan.FromSeconds(45), "45s" },
        { "fractional seconds", TimeSpan.FromMilliseconds(1500), "1.5s" },
        { "milliseconds", TimeSpan.FromMilliseconds(300), "300ms" },
        { "microseconds", TimeSpan.FromTicks(100), "10µs" },
        { "nanoseconds", TimeSpan.FromTicks(1), "100ns" },
        { "zero", TimeSpan.Zero, "0s" },
        { "negative", TimeSpan.FromMinutes(-90), "-1h30m0s" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Formats_like_go_and_parses_back(string name, TimeSpan value, string expected)
    {
        GoDuration.Format(value).Should().Be(expected, name);
        GoDuration.Parse(expected, "spec.duration").Value.Should().Be(value, name);
    }
}
