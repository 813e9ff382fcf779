using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Crds.Schema;
using CertOperator.Crds.Serialization;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Crds.Issuers;

[Description("An Issuer signs certificates for Certificates and CertificateRequests in its own namespace.")]
[ShortNames("iss")]
[Categories("cert-manager")]
[PrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status")]
[PrinterColumn("Status", "string", ".status.conditions[?(@.type==\"Ready\")].message", Priority = 1)]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class Issuer : IKubernetesObject<Issuer>, IIssuerObject
{
    public static ResourceType Resource { get; } = new("cert-manager.io", "v1", "Issuer", "issuers", Namespaced: true);

    public static JsonTypeInfo<Issuer> JsonTypeInfo => CertManagerJsonContext.Default.Issuer;

    public static JsonTypeInfo<KubernetesList<Issuer>> ListJsonTypeInfo => CertManagerJsonContext.Default.KubernetesListIssuer;

    public string? ApiVersion { get; set; } = Resource.ApiVersion;

    public string? Kind { get; set; } = Resource.Kind;

    public k8s.Models.V1ObjectMeta Metadata { get; set; } = new();

    [Required]
    [Description("How the issuer signs certificates: exactly one of acme, ca or selfSigned.")]
    public IssuerSpec Spec { get; set; } = new();

    [Description("Readiness and ACME account state, maintained by the operator. Read-only.")]
    public IssuerStatus? Status { get; set; }
}
