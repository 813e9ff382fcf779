using System.ComponentModel;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Issuers.Vault;

[Description("Sign certificates with a HashiCorp Vault PKI secrets engine.")]
public sealed class VaultIssuer
{
    [Required]
    [Description("Address of the Vault server, e.g. `https://vault.example.com:8200`.")]
    public string Server { get; set; } = "";

    [Description("TLS server name to verify on the Vault server's certificate, when it differs from the host in `server`.")]
    public string? ServerName { get; set; }

    [Required]
    [Description("The PKI signing path, e.g. `my_pki_mount/sign/my-role-name`.")]
    public string Path { get; set; } = "";

    [Description("The Vault namespace (Vault Enterprise) the requests are made in.")]
    public string? Namespace { get; set; }

    [SchemaFormat("byte")]
    [Description("Base64-encoded PEM CA bundle to verify the Vault server with; the system roots when unset. Mutually exclusive with `caBundleSecretRef`.")]
    public string? CaBundle { get; set; }

    [Description("The Secret entry (default key `ca.crt`) holding the PEM CA bundle to verify the Vault server with.")]
    public SecretKeySelector? CaBundleSecretRef { get; set; }

    [Description("The Secret entry (default key `tls.crt`) holding the client certificate for mutual TLS with Vault.")]
    public SecretKeySelector? ClientCertSecretRef { get; set; }

    [Description("The Secret entry (default key `tls.key`) holding the client key for mutual TLS with Vault.")]
    public SecretKeySelector? ClientKeySecretRef { get; set; }

    [Required]
    [Description("How to authenticate with Vault: exactly one method.")]
    public VaultAuth Auth { get; set; } = new();
}
