using System.ComponentModel;
using CertOperator.Crds.Meta;

namespace CertOperator.Crds.Acme;

[Description("Cloudflare DNS, authenticated with an API token (preferred) or a global API key and email.")]
public sealed class CloudflareProvider
{
    [Description("Email of the Cloudflare account; required with `apiKeySecretRef`.")]
    public string? Email { get; set; }

    [Description("The Secret entry holding the global API key. Prefer `apiTokenSecretRef`.")]
    public SecretKeySelector? ApiKeySecretRef { get; set; }

    [Description("The Secret entry holding an API token with Zone:Read and DNS:Edit permissions.")]
    public SecretKeySelector? ApiTokenSecretRef { get; set; }
}
