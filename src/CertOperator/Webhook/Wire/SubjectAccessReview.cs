using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Webhook.Wire;

/// <summary>
/// authorization.k8s.io/v1 SubjectAccessReview: "may this user do that?", created (POST) and answered in its status.
/// Our own type because the client sends only kinds implementing <see cref="IKubernetesObject{TSelf}"/>, which
/// k8s.Models.V1SubjectAccessReview does not.
/// </summary>
internal sealed class SubjectAccessReview : IKubernetesObject<SubjectAccessReview>
{
    public static ResourceType Resource { get; } = new("authorization.k8s.io", "v1", "SubjectAccessReview", "subjectaccessreviews", Namespaced: false);

    public static JsonTypeInfo<SubjectAccessReview> JsonTypeInfo => WebhookJsonContext.Default.SubjectAccessReview;

    public static JsonTypeInfo<KubernetesList<SubjectAccessReview>> ListJsonTypeInfo => WebhookJsonContext.Default.KubernetesListSubjectAccessReview;

    public string? ApiVersion { get; set; } = Resource.ApiVersion;

    public string? Kind { get; set; } = Resource.Kind;

    public k8s.Models.V1ObjectMeta Metadata { get; set; } = new();

    public SubjectAccessReviewSpec Spec { get; set; } = new();

    public SubjectAccessReviewStatus? Status { get; set; }
}
