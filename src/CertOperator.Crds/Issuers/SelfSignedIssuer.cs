using System.ComponentModel;

namespace CertOperator.Crds.Issuers;

[Description("Sign each certificate with its own private key.")]
public sealed class SelfSignedIssuer
{
    [Description("CRL distribution point URLs written into issued certificates.")]
    public List<string>? CrlDistributionPoints { get; set; }
}
