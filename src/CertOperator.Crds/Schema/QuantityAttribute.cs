namespace CertOperator.Crds.Schema;

/// <summary>
/// A resource quantity (`100m`, `128Mi`, `2`): integer or string, as core/v1's resource.Quantity is published
/// (`x-kubernetes-int-or-string` with the quantity pattern).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class QuantityAttribute : Attribute
{
    public const string Pattern = @"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$";
}
