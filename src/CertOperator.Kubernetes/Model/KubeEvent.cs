using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Kubernetes.Model;

/// <summary>core/v1 Event (named KubeEvent to stay clear of the `event` keyword).</summary>
public sealed class KubeEvent : IKubernetesObject<KubeEvent>
{
    public static ResourceType Resource { get; } = new("", "v1", "Event", "events", Namespaced: true);

    public static JsonTypeInfo<KubeEvent> JsonTypeInfo => KubernetesJsonContext.Default.KubeEvent;

    public static JsonTypeInfo<KubernetesList<KubeEvent>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListKubeEvent;

    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "Event";

    public ObjectMeta Metadata { get; set; } = new();

    public ObjectReference InvolvedObject { get; set; } = new();

    public string? Reason { get; set; }

    public string? Message { get; set; }

    public string? Type { get; set; }

    public EventSource? Source { get; set; }

    public DateTimeOffset? FirstTimestamp { get; set; }

    public DateTimeOffset? LastTimestamp { get; set; }

    public int? Count { get; set; }

    public string? ReportingComponent { get; set; }

    public string? ReportingInstance { get; set; }
}
