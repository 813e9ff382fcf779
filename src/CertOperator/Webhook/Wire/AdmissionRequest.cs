using System.Text.Json.Nodes;

namespace CertOperator.Webhook.Wire;

/// <summary>What is being admitted: the resource, the operation, who asks, and the object before and after.</summary>
internal sealed class AdmissionRequest
{
    public string Uid { get; set; } = "";

    public GroupVersionKind? Kind { get; set; }

    public GroupVersionResource Resource { get; set; } = new();

    public string? SubResource { get; set; }

    public string? Name { get; set; }

    public string? Namespace { get; set; }

    /// <summary>CREATE, UPDATE, DELETE or CONNECT.</summary>
    public string Operation { get; set; } = "";

    public AdmissionUserInfo UserInfo { get; set; } = new();

    public JsonNode? Object { get; set; }

    public JsonNode? OldObject { get; set; }

    public bool? DryRun { get; set; }
}
