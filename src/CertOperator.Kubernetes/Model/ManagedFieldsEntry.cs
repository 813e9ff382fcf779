using System.Text.Json;

namespace CertOperator.Kubernetes.Model;

/// <summary>metav1.ManagedFieldsEntry, kept so server-side apply ownership survives a read-modify-write.</summary>
public sealed class ManagedFieldsEntry
{
    public string? Manager { get; set; }

    public string? Operation { get; set; }

    public string? ApiVersion { get; set; }

    public DateTimeOffset? Time { get; set; }

    public string? FieldsType { get; set; }

    public JsonElement? FieldsV1 { get; set; }

    public string? Subresource { get; set; }
}
