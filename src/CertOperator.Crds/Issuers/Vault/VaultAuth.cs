using System.ComponentModel;
using CertOperator.Crds.Meta;

namespace CertOperator.Crds.Issuers.Vault;

[Description("How to authenticate with Vault: exactly one of the methods.")]
public sealed class VaultAuth
{
    [Description("A Vault token read from a Secret entry.")]
    public SecretKeySelector? TokenSecretRef { get; set; }

    [Description("Vault's AppRole method.")]
    public VaultAppRole? AppRole { get; set; }

    [Description("Vault's TLS certificate method, with the client certificate from a `kubernetes.io/tls` Secret.")]
    public VaultClientCertificateAuth? ClientCertificate { get; set; }

    [Description("Vault's Kubernetes method, with a ServiceAccount token.")]
    public VaultKubernetesAuth? Kubernetes { get; set; }

    [Description("Vault's AWS IAM method.")]
    public VaultAwsAuth? Aws { get; set; }
}
