using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Certificates;

[Description("Private key options: algorithm, size, PEM encoding and rotation policy.")]
public sealed class CertificatePrivateKey
{
    [EnumValues("Never", "Always")]
    [Description("When to generate a new private key on re-issuance. `Never` reuses the key in the Secret when it still fits the spec; `Always` makes a new key for every issuance. Defaults to `Always`, as in cert-manager 1.18 and later.")]
    public string? RotationPolicy { get; set; }

    [EnumValues("PKCS1", "PKCS8")]
    [Description("PEM encoding of the private key in the Secret: `PKCS1` (BEGIN RSA/EC PRIVATE KEY) or `PKCS8` (BEGIN PRIVATE KEY). Defaults to `PKCS1`; Ed25519 keys are always PKCS8.")]
    public string? Encoding { get; set; }

    [EnumValues("RSA", "ECDSA", "Ed25519")]
    [Description("Private key algorithm: `RSA`, `ECDSA` or `Ed25519`. Defaults to `RSA`.")]
    public string? Algorithm { get; set; }

    [Description("Key size in bits. RSA: 2048 (default), 4096 or 8192. ECDSA: 256 (default), 384 or 521. Ignored for Ed25519.")]
    [UnsizedInteger]
    public int? Size { get; set; }
}
