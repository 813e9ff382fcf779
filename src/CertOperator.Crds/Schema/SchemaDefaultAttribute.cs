namespace CertOperator.Crds.Schema;

/// <summary>The value the API server fills in when the field is omitted (`default`).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SchemaDefaultAttribute(object value) : Attribute
{
    public object Value { get; } = value;
}
