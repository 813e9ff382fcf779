using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Crds.Schema;
using CertOperator.Crds.Serialization;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Crds.Certificates;

[Description("A Certificate asks for an up to date, signed X.509 certificate to be kept in the Secret named in `spec.secretName`; it is renewed before it expires (see `spec.renewBefore`).")]
[ShortNames("cert", "certs")]
[Categories("cert-manager")]
[PrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status")]
[PrinterColumn("Secret", "string", ".spec.secretName")]
[PrinterColumn("Issuer", "string", ".spec.issuerRef.name", Priority = 1)]
[PrinterColumn("Status", "string", ".status.conditions[?(@.type==\"Ready\")].message", Priority = 1)]
// A string column on purpose: kubectl renders a future time in a date column as "<invalid>".
[PrinterColumn("Expiration", "string", ".status.notAfter", Description = "When the certificate in the Secret expires (RFC 3339).")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class Certificate : IKubernetesObject<Certificate>, IStringPooled, ICacheTrimmable
{
    private static readonly string IssuingKey = ManagedFieldOwners.ListMapKey("type", ConditionTypes.Issuing);
    private string? _issuingOwnerWhenCached;

    public static ResourceType Resource { get; } = new("cert-manager.io", "v1", "Certificate", "certificates", Namespaced: true);

    public static JsonTypeInfo<Certificate> JsonTypeInfo => CertManagerJsonContext.Default.Certificate;

    public static JsonTypeInfo<KubernetesList<Certificate>> ListJsonTypeInfo => CertManagerJsonContext.Default.KubernetesListCertificate;

    /// <summary>Caching keeps who owns the Issuing condition (<see cref="TrimForCache"/>), which is read from managedFields.</summary>
    public static bool CacheReadsManagedFields => true;

    public string? ApiVersion { get; set; } = Resource.ApiVersion;

    public string? Kind { get; set; } = Resource.Kind;

    public k8s.Models.V1ObjectMeta Metadata { get; set; } = new();

    [Description("Desired state of the Certificate.")]
    public CertificateSpec Spec { get; set; } = new();

    [Description("Observed state of the Certificate, maintained by the operator. Read-only.")]
    public CertificateStatus? Status { get; set; }

    /// <summary>
    /// The one field manager that owns the Issuing condition: read from managedFields when this copy has them, else as
    /// they were when it was cached. Null when no manager or several do, or when neither was seen.
    /// </summary>
    /// <remarks>A method, not a property, so neither JSON nor the CRD schema ever sees it.</remarks>
    public string? IssuingConditionSoleOwner() => Metadata.ManagedFields is { } fields ? SoleIssuingOwner(fields) : _issuingOwnerWhenCached;

    /// <summary>Keeps who owns the Issuing condition before the cache drops managedFields.</summary>
    public void TrimForCache() => _issuingOwnerWhenCached = Metadata.ManagedFields is { } fields ? SoleIssuingOwner(fields) : null;

    /// <summary>Cached Certificates share their issuer reference, usages and condition texts (see <see cref="StringPool"/>).</summary>
    public void PoolStrings(StringPool strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        Spec.IssuerRef.PoolStrings(strings);
        strings.InternAll(Spec.Usages);
        strings.InternConditions(Status?.Conditions);
        _issuingOwnerWhenCached = strings.Intern(_issuingOwnerWhenCached);
    }

    private static string? SoleIssuingOwner(IEnumerable<k8s.Models.V1ManagedFieldsEntry> fields) =>
        ManagedFieldOwners.Of(fields, "f:status", "f:conditions", IssuingKey) is [var only] ? only : null;
}
