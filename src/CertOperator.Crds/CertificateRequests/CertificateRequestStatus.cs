using System.ComponentModel;
using CertOperator.Crds.Schema;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Crds.CertificateRequests;

[Description("Approval, readiness and the signed certificate, maintained by the operator. Read-only.")]
public sealed class CertificateRequestStatus
{
    [ListMapKeys("type")]
    [OmitItemProperties("observedGeneration")]
    [Description("Status conditions; known types are `Approved`, `Denied`, `Ready` and `InvalidRequest`.")]
    public List<Condition>? Conditions { get; set; }

    [Description("The signed certificate chain, PEM-encoded then base64-encoded; set once the request is ready.")]
    [SchemaFormat("byte")]
    public string? Certificate { get; set; }

    [Description("Deprecated: the issuing CA certificate, PEM-encoded then base64-encoded, if the issuer knows it. Do not use it as a trust anchor.")]
    [SchemaFormat("byte")]
    public string? Ca { get; set; }

    [Description("When the request failed terminally; the request is not retried after that.")]
    public DateTimeOffset? FailureTime { get; set; }
}
