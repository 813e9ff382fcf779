using System.ComponentModel;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("Google Cloud DNS. Without a service account key the ambient credentials (e.g. Workload Identity) are used.")]
public sealed class CloudDnsProvider
{
    [Description("The Secret entry holding a service account JSON key.")]
    public SecretKeySelector? ServiceAccountSecretRef { get; set; }

    [Required]
    [Description("The Google Cloud project that owns the DNS zone.")]
    public string Project { get; set; } = "";

    [Description("The managed zone to create the record in; chosen automatically when unset.")]
    public string? HostedZoneName { get; set; }
}
