namespace CertOperator.Crds.Schema;

/// <summary>The OpenAPI `format` of a string field, e.g. `byte` for base64 data the API server checks as such.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SchemaFormatAttribute(string format) : Attribute
{
    public string Format { get; } = format;
}
