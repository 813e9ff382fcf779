namespace CertOperator.Crds.Schema;

/// <summary>
/// A list whose items are identified by the given keys (`x-kubernetes-list-type: map`), so
/// server-side apply merges conditions by `type` instead of replacing the whole list.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListMapKeysAttribute(params string[] keys) : Attribute
{
    public IReadOnlyList<string> Keys { get; } = keys;
}
