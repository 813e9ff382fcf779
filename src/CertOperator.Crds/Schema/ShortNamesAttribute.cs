namespace CertOperator.Crds.Schema;

/// <summary>Abbreviations `kubectl get` accepts for the kind (`names.shortNames`).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShortNamesAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}
