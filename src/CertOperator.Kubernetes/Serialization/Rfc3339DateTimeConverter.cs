using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertOperator.Kubernetes.Serialization;

/// <summary>
/// Kubernetes writes metav1.Time as RFC 3339 in UTC with a `Z` and whole seconds
/// (e.g. 2026-01-02T03:04:05Z); System.Text.Json's default would write an offset.
/// </summary>
public sealed class Rfc3339DateTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}
