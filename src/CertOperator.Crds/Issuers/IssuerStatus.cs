using System.ComponentModel;
using CertOperator.Crds.Schema;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Crds.Issuers;

[Description("Readiness and ACME account state, maintained by the operator. Read-only.")]
public sealed class IssuerStatus
{
    [ListMapKeys("type")]
    [Description("Status conditions; the known type is `Ready`.")]
    public List<Condition>? Conditions { get; set; }

    [Description("ACME account state; only for ACME issuers.")]
    public AcmeIssuerStatus? Acme { get; set; }
}
