namespace CertOperator.Crds.Schema;

/// <summary>The shortest allowed string value (`minLength`).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinLengthAttribute(int minLength) : Attribute
{
    public int MinLength { get; } = minLength;
}
