using System.Text;
using System.Text.Json;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Kubernetes.Tests.Serialization;

public sealed class KubernetesTimeConverterTests
{
    private static readonly DateTime Base = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    public static TheoryData<string, string, DateTime> ReadCases => new()
    {
        { "metav1.Time, whole seconds", "2026-01-02T03:04:05Z", Base },
        { "metav1.MicroTime, six digits", "2026-01-02T03:04:05.123456Z", Base.AddTicks(1_234_560) },
        { "three digits", "2026-01-02T03:04:05.678Z", Base.AddMilliseconds(678) },
        { "seven digits, .NET's precision", "2026-01-02T03:04:05.1234567Z", Base.AddTicks(1_234_567) },
        { "offset east of UTC", "2026-01-02T05:04:05+02:00", Base },
        { "offset west of UTC, fraction kept", "2026-01-01T22:04:05.5-05:00", Base.AddMilliseconds(500) },
    };

    [Theory]
    [MemberData(nameof(ReadCases))]
    public void Reads_any_rfc3339_timestamp_as_utc(string name, string wire, DateTime expected)
    {
        var read = Read(wire);

        read.Should().Be(expected, name);
        read.Kind.Should().Be(DateTimeKind.Utc, name);
    }

    public static TheoryData<string, DateTime, string> WriteCases => new()
    {
        { "whole seconds get six zeros", Base, "2026-01-02T03:04:05.000000Z" },
        { "microseconds", Base.AddTicks(1_234_560), "2026-01-02T03:04:05.123456Z" },
        { "the seventh digit is dropped, not rounded", Base.AddTicks(1_234_569), "2026-01-02T03:04:05.123456Z" },
        { "an unspecified kind is taken as UTC", DateTime.SpecifyKind(Base, DateTimeKind.Unspecified), "2026-01-02T03:04:05.000000Z" },
        { "a local time is converted", Base.ToLocalTime(), "2026-01-02T03:04:05.000000Z" },
    };

    [Theory]
    [MemberData(nameof(WriteCases))]
    public void Writes_utc_with_exactly_six_fractional_digits(string name, DateTime value, string expected)
    {
        Write(value).Should().Be($"\"{expected}\"", name);
    }

    [Fact]
    public void What_it_writes_reads_back_to_the_microsecond()
    {
        var value = Base.AddTicks(9_876_540);

        Read(Write(value).Trim('"')).Should().Be(value);
    }

    private static DateTime Read(string wire)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes($"\"{wire}\""));
        reader.Read();
        return new KubernetesTimeConverter().Read(ref reader, typeof(DateTime), JsonSerializerOptions.Default);
    }

    private static string Write(DateTime value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            new KubernetesTimeConverter().Write(writer, value, JsonSerializerOptions.Default);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
