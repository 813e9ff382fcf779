using System.ComponentModel;

namespace CertOperator.Crds.Acme;

[Description("Selects Certificates by label and DNS names within them. Empty selects everything.")]
public sealed class CertificateDnsNameSelector
{
    [Description("Labels a Certificate must carry for this solver to apply.")]
    public Dictionary<string, string>? MatchLabels { get; set; }

    [Description("Exact DNS names this solver handles; an exact name match beats any dnsZones match.")]
    public List<string>? DnsNames { get; set; }

    [Description("DNS zones this solver handles, including subdomains; the most specific zone wins, e.g. sys.example.com over example.com for www.sys.example.com.")]
    public List<string>? DnsZones { get; set; }
}
