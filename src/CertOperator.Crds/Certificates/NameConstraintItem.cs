using System.ComponentModel;

namespace CertOperator.Crds.Certificates;

[Description("A set of DNS domains, IP ranges, email addresses and URI domains.")]
public sealed class NameConstraintItem
{
    [Description("DNS domains.")]
    public List<string>? DnsDomains { get; set; }

    [Description("IP ranges in CIDR notation.")]
    public List<string>? IpRanges { get; set; }

    [Description("Email addresses.")]
    public List<string>? EmailAddresses { get; set; }

    [Description("URI domains.")]
    public List<string>? UriDomains { get; set; }
}
