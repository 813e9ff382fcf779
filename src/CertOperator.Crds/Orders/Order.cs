using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Crds.Schema;
using CertOperator.Crds.Serialization;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Crds.Orders;

[Description("An Order is one ACME certificate order, created for an ACME CertificateRequest; it owns a Challenge per authorization to solve and ends with the signed certificate.")]
[Categories("cert-manager", "cert-manager-acme")]
[PrinterColumn("State", "string", ".status.state")]
[PrinterColumn("Issuer", "string", ".spec.issuerRef.name", Priority = 1)]
[PrinterColumn("Reason", "string", ".status.reason", Priority = 1)]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp")]
public sealed class Order : IKubernetesObject<Order>, ICacheTrimmable
{
    public static ResourceType Resource { get; } = new("acme.cert-manager.io", "v1", "Order", "orders", Namespaced: true);

    public static JsonTypeInfo<Order> JsonTypeInfo => CertManagerJsonContext.Default.Order;

    public static JsonTypeInfo<KubernetesList<Order>> ListJsonTypeInfo => CertManagerJsonContext.Default.KubernetesListOrder;

    public string? ApiVersion { get; set; } = Resource.ApiVersion;

    public string? Kind { get; set; } = Resource.Kind;

    [Required]
    public k8s.Models.V1ObjectMeta Metadata { get; set; } = new();

    [Required]
    [Description("What to order and from which issuer.")]
    public OrderSpec Spec { get; set; } = new();

    [Description("Progress of the order at the ACME server, maintained by the operator. Read-only.")]
    public OrderStatus? Status { get; set; }

    private bool _payloadTrimmed;

    /// <summary>Whether the ACME server will not change this order any more: valid, invalid, errored or expired.</summary>
    public static bool IsFinished(string? state) =>
        state is AcmeStates.Valid or AcmeStates.Invalid or AcmeStates.Errored or AcmeStates.Expired;

    /// <summary>
    /// A finished order keeps no CSR or signed chain in caches: the request that owns it has taken the chain, or failed,
    /// and these PEM payloads are most of an order's size. Whoever still needs them takes them from the status write that
    /// stored them when that was this process at the version cached, else GETs the order.
    /// </summary>
    public void TrimForCache()
    {
        if (!IsFinished(Status?.State))
        {
            return;
        }

        Spec.Request = "";
        Status!.Certificate = null;
        _payloadTrimmed = true;
    }

    /// <summary>True when this copy came from a cache that dropped the CSR and the chain (see <see cref="TrimForCache"/>).</summary>
    public bool IsPayloadTrimmed() => _payloadTrimmed;
}
