using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Meta;

[Description("A reference to the Issuer or ClusterIssuer that signs the certificate.")]
public sealed class IssuerReference
{
    [Required]
    [Description("Name of the issuer being referred to.")]
    public string Name { get; set; } = "";

    [Description("Kind of the issuer being referred to: Issuer (the default, same namespace) or ClusterIssuer; external issuers use their own kind.")]
    public string? Kind { get; set; }

    [SchemaDefault("cert-manager.io")]
    [Description("API group of the issuer being referred to; cert-manager.io for the built-in Issuer and ClusterIssuer.")]
    public string? Group { get; set; }
}
