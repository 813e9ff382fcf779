using System.ComponentModel;

namespace CertOperator.Crds.Issuers.Vault;

[Description("Vault's TLS certificate authentication.")]
public sealed class VaultClientCertificateAuth
{
    [Description("Where the cert method is mounted; `/v1/auth/cert` when unset.")]
    public string? MountPath { get; set; }

    [Description("The certificate role to log in as; Vault picks a matching one when unset.")]
    public string? Name { get; set; }

    [Description("A `kubernetes.io/tls` Secret holding the client certificate and key; `clientCertSecretRef`/`clientKeySecretRef` when unset.")]
    public string? SecretName { get; set; }
}
