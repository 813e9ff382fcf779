using System.ComponentModel;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("An acme-dns server that holds the TXT records for CNAME-delegated `_acme-challenge` names.")]
public sealed class AcmeDnsProvider
{
    [Required]
    [Description("Base URL of the acme-dns server, e.g. `https://auth.acme-dns.io`.")]
    public string Host { get; set; } = "";

    [Required]
    [Description("The Secret entry holding the JSON map of domain to acme-dns account credentials.")]
    public SecretKeySelector AccountSecretRef { get; set; } = new();
}
