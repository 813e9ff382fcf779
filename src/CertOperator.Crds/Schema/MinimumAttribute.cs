namespace CertOperator.Crds.Schema;

/// <summary>The smallest allowed value of an integer field (`minimum`).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinimumAttribute(long minimum) : Attribute
{
    public long Minimum { get; } = minimum;
}
