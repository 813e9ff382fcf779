using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Crds.Schema;
using CertOperator.Crds.Serialization;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Crds.CertificateRequests;

[Description("A CertificateRequest asks an issuer to sign one PEM-encoded CSR. It is created by a Certificate (or by hand), must be approved, and holds the signed certificate in its status once ready. Its spec is immutable.")]
[ShortNames("cr", "crs")]
[Categories("cert-manager")]
[PrinterColumn("Approved", "string", ".status.conditions[?(@.type==\"Approved\")].status")]
[PrinterColumn("Denied", "string", ".status.conditions[?(@.type==\"Denied\")].status")]
[PrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status")]
[PrinterColumn("Issuer", "string", ".spec.issuerRef.name")]
[PrinterColumn("Requester", "string", ".spec.username")]
[PrinterColumn("Status", "string", ".status.conditions[?(@.type==\"Ready\")].message", Priority = 1)]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class CertificateRequest : IKubernetesObject<CertificateRequest>, ICacheTrimmable, IStringPooled
{
    public static ResourceType Resource { get; } = new("cert-manager.io", "v1", "CertificateRequest", "certificaterequests", Namespaced: true);

    public static JsonTypeInfo<CertificateRequest> JsonTypeInfo => CertManagerJsonContext.Default.CertificateRequest;

    public static JsonTypeInfo<KubernetesList<CertificateRequest>> ListJsonTypeInfo => CertManagerJsonContext.Default.KubernetesListCertificateRequest;

    public string? ApiVersion { get; set; } = Resource.ApiVersion;

    public string? Kind { get; set; } = Resource.Kind;

    public k8s.Models.V1ObjectMeta Metadata { get; set; } = new();

    [Description("The CSR to sign and the issuer to sign it.")]
    public CertificateRequestSpec Spec { get; set; } = new();

    [Description("Approval, readiness and the signed certificate, maintained by the operator. Read-only.")]
    public CertificateRequestStatus? Status { get; set; }

    private bool _payloadTrimmed;

    /// <summary>
    /// Whether nothing will be signed or written for this request any more: Ready, failed, denied or invalid.
    /// </summary>
    public static bool IsFinished(IReadOnlyList<Condition>? conditions) =>
        Conditions.IsTrue(conditions, ConditionTypes.InvalidRequest)
        || Conditions.Find(conditions, ConditionTypes.Ready) is { Status: Conditions.True } or { Reason: "Failed" or "Denied" };

    /// <summary>
    /// A finished request keeps no CSR, signed chain or CA in caches: every revision of every Certificate stays cached
    /// (cert-manager keeps them all unless revisionHistoryLimit says otherwise), and these PEM payloads are most of
    /// their size. Only the issuing step reads the chain of a finished request: from the status write that stored it when
    /// that was this process at the version cached, else once with a GET.
    /// </summary>
    public void TrimForCache()
    {
        if (!IsFinished(Status?.Conditions))
        {
            return;
        }

        Spec.Request = "";
        if (Status is { } status)
        {
            status.Certificate = null;
            status.Ca = null;
        }

        _payloadTrimmed = true;
    }

    /// <summary>True when this copy came from a cache that dropped the CSR, chain and CA (see <see cref="TrimForCache"/>).</summary>
    public bool IsPayloadTrimmed() => _payloadTrimmed;

    /// <summary>
    /// Cached requests share their issuer reference, usages, requester identity (the same ServiceAccount for every
    /// request the operator makes) and condition texts (see <see cref="StringPool"/>).
    /// </summary>
    public void PoolStrings(StringPool strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        Spec.IssuerRef.PoolStrings(strings);
        strings.InternAll(Spec.Usages);
        Spec.Username = strings.Intern(Spec.Username);
        Spec.Uid = strings.Intern(Spec.Uid);
        strings.InternAll(Spec.Groups);
        strings.InternConditions(Status?.Conditions);
    }
}
