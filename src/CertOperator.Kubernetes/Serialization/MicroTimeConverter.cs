using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertOperator.Kubernetes.Serialization;

/// <summary>
/// metav1.MicroTime: RFC 3339 in UTC with exactly six fractional digits
/// (2026-01-02T03:04:05.123456Z), used by Lease times and Event.eventTime.
/// </summary>
public sealed class MicroTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
    }
}
