using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertOperator.Kubernetes.Model;

/// <summary>networking.k8s.io/v1 IngressBackend: a Service port (a resource backend is kept in <see cref="Extra"/>).</summary>
public sealed class IngressBackend
{
    public IngressServiceBackend? Service { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
