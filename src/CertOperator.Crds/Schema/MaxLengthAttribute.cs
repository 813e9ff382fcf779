namespace CertOperator.Crds.Schema;

/// <summary>The longest allowed string value (`maxLength`).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxLengthAttribute(int maxLength) : Attribute
{
    public int MaxLength { get; } = maxLength;
}
