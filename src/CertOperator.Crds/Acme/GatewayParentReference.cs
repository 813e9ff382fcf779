using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("A Gateway API parent reference: the Gateway (or listener) a route attaches to.")]
public sealed class GatewayParentReference
{
    [SchemaDefault("gateway.networking.k8s.io")]
    [Description("API group of the parent.")]
    public string? Group { get; set; }

    [SchemaDefault("Gateway")]
    [Description("Kind of the parent.")]
    public string? Kind { get; set; }

    [Description("Namespace of the parent; defaults to the route's namespace.")]
    public string? Namespace { get; set; }

    [Required]
    [Description("Name of the parent.")]
    public string Name { get; set; } = "";

    [Description("Name of the listener within the Gateway to attach to.")]
    public string? SectionName { get; set; }

    [Minimum(1)]
    [Maximum(65535)]
    [Description("Port of the listener within the Gateway to attach to.")]
    public int? Port { get; set; }
}
