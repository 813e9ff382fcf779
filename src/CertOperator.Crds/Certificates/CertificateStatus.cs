using System.ComponentModel;
using CertOperator.Crds.Schema;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Crds.Certificates;

[Description("Observed state of the Certificate, maintained by the operator. Read-only.")]
public sealed class CertificateStatus
{
    [ListMapKeys("type")]
    [Description("Status conditions; known types are `Ready` and `Issuing`.")]
    public List<Condition>? Conditions { get; set; }

    [Description("When the latest issuance failed; unset after a success. The next attempt waits 1h * 2^(failedIssuanceAttempts - 1).")]
    public DateTimeOffset? LastFailureTime { get; set; }

    [Description("Start of the validity of the certificate in the Secret.")]
    public DateTimeOffset? NotBefore { get; set; }

    [Description("Expiry of the certificate in the Secret.")]
    public DateTimeOffset? NotAfter { get; set; }

    [Description("When the certificate will next be renewed; unset if no renewal is scheduled.")]
    public DateTimeOffset? RenewalTime { get; set; }

    [Description("The revision of the issued certificate; CertificateRequests for the next issuance carry revision + 1 in the `cert-manager.io/certificate-revision` annotation.")]
    [UnsizedInteger]
    public int? Revision { get; set; }

    [Description("Name of the Secret holding the private key for the next issuance; set while `Issuing` is True.")]
    public string? NextPrivateKeySecretName { get; set; }

    [Description("Number of consecutive failed issuance attempts; removed on success.")]
    [UnsizedInteger]
    public int? FailedIssuanceAttempts { get; set; }

    [Description("ACME-specific state, such as the last Renewal Information.")]
    public CertificateAcmeStatus? Acme { get; set; }
}
