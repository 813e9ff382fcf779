namespace CertOperator.Crds.Schema;

/// <summary>The largest allowed number of items in a list field (`maxItems`).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxItemsAttribute(int maxItems) : Attribute
{
    public int MaxItems { get; } = maxItems;
}
