using System.ComponentModel;
using System.Text.Json.Serialization;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("Solve DNS-01 challenges through one DNS provider: exactly one provider field may be set.")]
public sealed class AcmeChallengeSolverDns01
{
    [EnumValues("None", "Follow")]
    [Description("How to treat a CNAME at `_acme-challenge.<domain>`: `None` (default) updates the record in the domain's own zone; `Follow` follows CNAMEs and updates the zone they end in, so the TXT record can be delegated to a less privileged zone.")]
    public string? CnameStrategy { get; set; }

    [Description("Use RFC 2136 dynamic updates (e.g. BIND, PowerDNS), optionally signed with TSIG.")]
    public Rfc2136Provider? Rfc2136 { get; set; }

    [Description("Use an external DNS01 solver webhook (an APIService such as a cert-manager webhook solver).")]
    public WebhookProvider? Webhook { get; set; }

    [Description("Use the Cloudflare API.")]
    public CloudflareProvider? Cloudflare { get; set; }

    [Description("Use the AWS Route53 API.")]
    public Route53Provider? Route53 { get; set; }

    [Description("Use Akamai Edge DNS.")]
    public AkamaiProvider? Akamai { get; set; }

    [JsonPropertyName("cloudDNS")]
    [Description("Use Google Cloud DNS.")]
    public CloudDnsProvider? CloudDns { get; set; }

    [JsonPropertyName("azureDNS")]
    [Description("Use Azure DNS.")]
    public AzureDnsProvider? AzureDns { get; set; }

    [JsonPropertyName("digitalocean")]
    [Description("Use DigitalOcean Domains.")]
    public DigitalOceanProvider? DigitalOcean { get; set; }

    [JsonPropertyName("acmeDNS")]
    [Description("Use an acme-dns server (https://github.com/joohoi/acme-dns).")]
    public AcmeDnsProvider? AcmeDns { get; set; }
}
