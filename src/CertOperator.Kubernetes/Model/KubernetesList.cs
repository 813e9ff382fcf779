using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>Any `*List` kind: items of one type plus list metadata.</summary>
public sealed class KubernetesList<T>
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public V1ListMeta Metadata { get; set; } = new();

    /// <summary>Never null: a real kube-apiserver sends <c>"items": null</c> for an empty metadata-only list.</summary>
    public List<T> Items
    {
        get => _items;
        set => _items = value ?? [];
    }

    private List<T> _items = [];
}
