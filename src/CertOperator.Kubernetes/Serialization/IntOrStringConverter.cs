using System.Text.Json;
using System.Text.Json.Serialization;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Kubernetes.Serialization;

/// <summary>Reads and writes <see cref="IntOrString"/> as a bare JSON number or string.</summary>
public sealed class IntOrStringConverter : JsonConverter<IntOrString>
{
    public override IntOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? new IntOrString(reader.GetInt32()) : new IntOrString(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, IntOrString value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Number is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(value.Name);
        }
    }
}
