using System.ComponentModel;

namespace CertOperator.Crds.Certificates;

[Description("ACME-specific state of the Certificate.")]
public sealed class CertificateAcmeStatus
{
    [Description("What the ACME server's Renewal Information (RFC 9773) last said about the issued certificate.")]
    public AcmeRenewalInfoStatus? Ari { get; set; }
}
