using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertOperator.Kubernetes.Model;

/// <summary>core/v1 ServiceSpec; fields not modelled survive a read-modify-write in <see cref="Extra"/>.</summary>
public sealed class ServiceSpec
{
    /// <summary>ClusterIP (server default), NodePort, LoadBalancer or ExternalName.</summary>
    public string? Type { get; set; }

    [JsonPropertyName("clusterIP")]
    public string? ClusterIP { get; set; }

    public Dictionary<string, string>? Selector { get; set; }

    public List<ServicePort>? Ports { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
