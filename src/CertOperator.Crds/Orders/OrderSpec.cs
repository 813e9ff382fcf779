using System.ComponentModel;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Orders;

[Description("What to order and from which issuer. Immutable after creation.")]
public sealed class OrderSpec
{
    [Required]
    [Description("The PEM-encoded CSR, base64-encoded, to finalize the order with once all authorizations are valid.")]
    [SchemaFormat("byte")]
    public string Request { get; set; } = "";

    [Required]
    [Description("The ACME Issuer or ClusterIssuer the order is placed with.")]
    public IssuerReference IssuerRef { get; set; } = new();

    [Description("Common name from the CSR; must also appear in `dnsNames` or `ipAddresses`.")]
    public string? CommonName { get; set; }

    [Description("DNS names to order, each becoming a dns identifier that needs an authorization.")]
    public List<string>? DnsNames { get; set; }

    [Description("IP addresses to order, each becoming an ip identifier that needs an authorization.")]
    public List<string>? IpAddresses { get; set; }

    [Description("Requested lifetime as a Go duration, sent as notAfter when the issuer enables the duration feature.")]
    public string? Duration { get; set; }

    [Description("ACME certificate profile requested for the order.")]
    public string? Profile { get; set; }

    [Description("The certificate this order replaces (its ACME Renewal Information ID), sent as `replaces` in the new order (RFC 9773).")]
    public string? Replaces { get; set; }
}
