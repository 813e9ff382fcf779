using System.ComponentModel;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("DigitalOcean Domains.")]
public sealed class DigitalOceanProvider
{
    [Required]
    [Description("The Secret entry holding a DigitalOcean API token with write access.")]
    public SecretKeySelector TokenSecretRef { get; set; } = new();
}
