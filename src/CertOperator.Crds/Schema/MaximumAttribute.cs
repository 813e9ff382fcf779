namespace CertOperator.Crds.Schema;

/// <summary>The largest allowed value of an integer field (`maximum`).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaximumAttribute(long maximum) : Attribute
{
    public long Maximum { get; } = maximum;
}
