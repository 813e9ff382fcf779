using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Crds.Schema;
using CertOperator.Crds.Serialization;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Crds.Challenges;

[Description("A Challenge is one ACME challenge being solved for an Order: the operator presents it (HTTP-01 solver or DNS TXT record), asks the server to validate it and cleans up afterwards.")]
[Categories("cert-manager", "cert-manager-acme")]
[PrinterColumn("State", "string", ".status.state")]
[PrinterColumn("Domain", "string", ".spec.dnsName")]
[PrinterColumn("Reason", "string", ".status.reason", Priority = 1)]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class Challenge : IKubernetesObject<Challenge>
{
    public static ResourceType Resource { get; } = new("acme.cert-manager.io", "v1", "Challenge", "challenges", Namespaced: true);

    public static JsonTypeInfo<Challenge> JsonTypeInfo => CertManagerJsonContext.Default.Challenge;

    public static JsonTypeInfo<KubernetesList<Challenge>> ListJsonTypeInfo => CertManagerJsonContext.Default.KubernetesListChallenge;

    public string? ApiVersion { get; set; } = Resource.ApiVersion;

    public string? Kind { get; set; } = Resource.Kind;

    [Required]
    public k8s.Models.V1ObjectMeta Metadata { get; set; } = new();

    [Required]
    [Description("The challenge to solve and the solver to use.")]
    public ChallengeSpec Spec { get; set; } = new();

    [Description("Progress of solving the challenge, maintained by the operator. Read-only.")]
    public ChallengeStatus? Status { get; set; }
}
