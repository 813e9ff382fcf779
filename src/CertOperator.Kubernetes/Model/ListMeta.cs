using System.Text.Json.Serialization;

namespace CertOperator.Kubernetes.Model;

/// <summary>metav1.ListMeta: the list's resourceVersion (where a watch resumes) and the paging token.</summary>
public sealed class ListMeta
{
    public string? ResourceVersion { get; set; }

    [JsonPropertyName("continue")]
    public string? Continue { get; set; }

    public long? RemainingItemCount { get; set; }
}
