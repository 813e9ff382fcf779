using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Webhook.Wire;

/// <summary>
/// authorization.k8s.io/v1 SubjectAccessReview: "may this user do that?", created (POST) and answered in its status.
/// KubernetesClient's model plus what our generic client needs.
/// </summary>
internal sealed record SubjectAccessReview : V1SubjectAccessReview, IKubernetesObject<SubjectAccessReview>
{
    public SubjectAccessReview()
    {
        ApiVersion = Resource.ApiVersion;
        Kind = KubeKind;
        Metadata = new();
    }

    /// <summary>The plural is spelled out: KubernetesClient leaves KubePluralName empty for kinds that can only be created.</summary>
    public static ResourceType Resource { get; } = new(KubeGroup, KubeApiVersion, KubeKind, "subjectaccessreviews", Namespaced: false);

    public static JsonTypeInfo<SubjectAccessReview> JsonTypeInfo => WebhookJsonContext.Default.SubjectAccessReview;

    public static JsonTypeInfo<Kubernetes.Model.KubernetesList<SubjectAccessReview>> ListJsonTypeInfo => WebhookJsonContext.Default.KubernetesListSubjectAccessReview;
}
