using System.ComponentModel;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("Akamai Edge DNS, authenticated with EdgeGrid credentials.")]
public sealed class AkamaiProvider
{
    [Required]
    [Description("The EdgeGrid host, e.g. `akab-xxxx.luna.akamaiapis.net`.")]
    public string ServiceConsumerDomain { get; set; } = "";

    [Required]
    [Description("The Secret entry holding the EdgeGrid client token.")]
    public SecretKeySelector ClientTokenSecretRef { get; set; } = new();

    [Required]
    [Description("The Secret entry holding the EdgeGrid client secret.")]
    public SecretKeySelector ClientSecretSecretRef { get; set; } = new();

    [Required]
    [Description("The Secret entry holding the EdgeGrid access token.")]
    public SecretKeySelector AccessTokenSecretRef { get; set; } = new();
}
