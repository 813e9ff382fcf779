using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Crds.Schema;
using CertOperator.Crds.Serialization;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Crds.Issuers;

[Description("A ClusterIssuer signs certificates for Certificates and CertificateRequests in any namespace; Secrets it refers to live in the cluster resource namespace.")]
[ShortNames("ciss")]
[Categories("cert-manager")]
[PrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status")]
[PrinterColumn("Status", "string", ".status.conditions[?(@.type==\"Ready\")].message", Priority = 1)]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class ClusterIssuer : IKubernetesObject<ClusterIssuer>, IIssuerObject
{
    public static ResourceType Resource { get; } = new("cert-manager.io", "v1", "ClusterIssuer", "clusterissuers", Namespaced: false);

    public static JsonTypeInfo<ClusterIssuer> JsonTypeInfo => CertManagerJsonContext.Default.ClusterIssuer;

    public static JsonTypeInfo<KubernetesList<ClusterIssuer>> ListJsonTypeInfo => CertManagerJsonContext.Default.KubernetesListClusterIssuer;

    public string? ApiVersion { get; set; } = Resource.ApiVersion;

    public string? Kind { get; set; } = Resource.Kind;

    public k8s.Models.V1ObjectMeta Metadata { get; set; } = new();

    [Required]
    [Description("How the issuer signs certificates: exactly one of acme, ca or selfSigned.")]
    public IssuerSpec Spec { get; set; } = new();

    [Description("Readiness and ACME account state, maintained by the operator. Read-only.")]
    public IssuerStatus? Status { get; set; }
}
