namespace CertOperator.Crds.Schema;

/// <summary>Groups the kind belongs to, so `kubectl get cert-manager` lists it (`names.categories`).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CategoriesAttribute(params string[] categories) : Attribute
{
    public IReadOnlyList<string> Categories { get; } = categories;
}
