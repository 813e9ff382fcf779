using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertOperator.Kubernetes.Model;

/// <summary>
/// networking.k8s.io/v1 IngressSpec. Fields not modelled are kept in <see cref="Extra"/> so editing
/// a user's Ingress in place does not drop them.
/// </summary>
public sealed class IngressSpec
{
    public string? IngressClassName { get; set; }

    public IngressBackend? DefaultBackend { get; set; }

    public List<IngressTls>? Tls { get; set; }

    public List<IngressRule>? Rules { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
