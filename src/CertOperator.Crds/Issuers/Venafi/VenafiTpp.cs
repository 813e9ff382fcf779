using System.ComponentModel;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Issuers.Venafi;

[Description("Venafi Trust Protection Platform.")]
public sealed class VenafiTpp
{
    [Required]
    [Description("The TPP API base URL, e.g. `https://tpp.example.com/vedsdk`.")]
    public string Url { get; set; } = "";

    [Required]
    [Description("The Secret holding the TPP credentials (`access-token`, or `username` and `password`).")]
    public NamedReference CredentialsRef { get; set; } = new();

    [SchemaFormat("byte")]
    [Description("Base64-encoded PEM CA bundle to verify the TPP server with.")]
    public string? CaBundle { get; set; }

    [Description("The Secret entry holding the PEM CA bundle to verify the TPP server with.")]
    public SecretKeySelector? CaBundleSecretRef { get; set; }
}
