using System.ComponentModel;
using CertOperator.Crds.Schema;
using CertOperator.Kubernetes.Informers;

namespace CertOperator.Crds.Meta;

[Description("A reference to the Issuer or ClusterIssuer that signs the certificate.")]
public sealed class IssuerReference
{
    [Required]
    [Description("Name of the issuer being referred to.")]
    public string Name { get; set; } = "";

    [Description("Kind of the issuer being referred to: Issuer (the default, same namespace) or ClusterIssuer; external issuers use their own kind.")]
    public string? Kind { get; set; }

    [Description("API group of the issuer being referred to; empty or cert-manager.io for the built-in Issuer and ClusterIssuer. Not defaulted, as in cert-manager, so GitOps tools see no diff.")]
    public string? Group { get; set; }

    /// <summary>Shares the name, kind and group with every other cached reference to the same issuer.</summary>
    public void PoolStrings(StringPool strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        Name = strings.Intern(Name);
        Kind = strings.Intern(Kind);
        Group = strings.Intern(Group);
    }
}
