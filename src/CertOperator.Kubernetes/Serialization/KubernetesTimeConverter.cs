using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertOperator.Kubernetes.Serialization;

/// <summary>
/// metav1.Time and metav1.MicroTime, as the <see cref="DateTime"/> KubernetesClient's models use: reads any RFC 3339
/// timestamp as UTC; writes UTC with exactly six fractional digits (2026-01-02T03:04:05.123456Z), which Go parses
/// both as a Time and with MicroTime's fixed six-digit layout. An unspecified kind is taken to be UTC already.
/// </summary>
public sealed class KubernetesTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        writer.WriteStringValue(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
    }
}
