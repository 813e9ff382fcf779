using CertOperator.Kubernetes.Model;

namespace CertOperator.Kubernetes;

/// <summary>Identifies an object: namespace (null for cluster-scoped kinds) and name. Written "ns/name".</summary>
public readonly record struct ObjectKey(string? Namespace, string Name)
{
    public static ObjectKey Of(IKubernetesObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ObjectKey(
            string.IsNullOrEmpty(item.Metadata.NamespaceProperty) ? null : item.Metadata.NamespaceProperty,
            item.Metadata.Name ?? throw new ArgumentException("metadata.name is required", nameof(item)));
    }

    /// <summary>Parses "ns/name" or "name".</summary>
    public static ObjectKey Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new ObjectKey(null, value) : new ObjectKey(value[..slash], value[(slash + 1)..]);
    }

    public override string ToString() => Namespace is null ? Name : $"{Namespace}/{Name}";
}
