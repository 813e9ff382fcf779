namespace CertOperator.Kubernetes.Model;

/// <summary>Any `*List` kind: items of one type plus list metadata.</summary>
public sealed class KubernetesList<T>
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public ListMeta Metadata { get; set; } = new();

    public List<T> Items { get; set; } = [];
}
