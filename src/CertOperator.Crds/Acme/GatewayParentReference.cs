using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("A Gateway API parent reference: the Gateway (or listener) a route attaches to.")]
public sealed class GatewayParentReference
{
    // Gateway API's patterns for these fields, as cert-manager publishes them.
    private const string DnsSubdomainPattern = @"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    [SchemaDefault("gateway.networking.k8s.io")]
    [MaxLength(253)]
    [Pattern("^$|" + DnsSubdomainPattern)]
    [Description("API group of the parent.")]
    public string? Group { get; set; }

    [SchemaDefault("Gateway")]
    [MinLength(1)]
    [MaxLength(63)]
    [Pattern("^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$")]
    [Description("Kind of the parent.")]
    public string? Kind { get; set; }

    [MinLength(1)]
    [MaxLength(63)]
    [Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    [Description("Namespace of the parent; defaults to the route's namespace.")]
    public string? Namespace { get; set; }

    [Required]
    [MinLength(1)]
    [MaxLength(253)]
    [Description("Name of the parent.")]
    public string Name { get; set; } = "";

    [MinLength(1)]
    [MaxLength(253)]
    [Pattern(DnsSubdomainPattern)]
    [Description("Name of the listener within the Gateway to attach to.")]
    public string? SectionName { get; set; }

    [Minimum(1)]
    [Maximum(65535)]
    [Description("Port of the listener within the Gateway to attach to.")]
    public int? Port { get; set; }
}
