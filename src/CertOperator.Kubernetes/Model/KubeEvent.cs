using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>core/v1 Event (named KubeEvent to stay clear of the `event` keyword).</summary>
public sealed record KubeEvent : Corev1Event, IKubernetesObject<KubeEvent>
{
    public KubeEvent()
    {
        ApiVersion = Resource.ApiVersion;
        Kind = KubeKind;
        Metadata = new();
        InvolvedObject = new();
    }

    public static ResourceType Resource { get; } = new(KubeGroup, KubeApiVersion, KubeKind, KubePluralName, Namespaced: true);

    public static JsonTypeInfo<KubeEvent> JsonTypeInfo => KubernetesJsonContext.Default.KubeEvent;

    public static JsonTypeInfo<KubernetesList<KubeEvent>> ListJsonTypeInfo => KubernetesJsonContext.Default.KubernetesListKubeEvent;
}
