using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Issuers;

[Description("Sign certificates with a CA key pair stored in a Secret.")]
public sealed class CaIssuer
{
    [Required]
    [Description("Name of the Secret holding the signing CA's `tls.crt` and `tls.key`; in the Issuer's namespace, or the cluster resource namespace for a ClusterIssuer.")]
    public string SecretName { get; set; } = "";

    [Description("CRL distribution point URLs written into issued certificates.")]
    public List<string>? CrlDistributionPoints { get; set; }

    [Description("OCSP server URLs written into issued certificates, e.g. `http://ocsp.int-x3.letsencrypt.org`.")]
    public List<string>? OcspServers { get; set; }

    [Description("URLs of the issuing CA certificate written into issued certificates (Authority Information Access).")]
    public List<string>? IssuingCertificateURLs { get; set; }
}
