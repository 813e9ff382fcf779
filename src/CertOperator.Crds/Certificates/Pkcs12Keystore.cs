using System.ComponentModel;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Certificates;

[Description("Options for the PKCS#12 keystore written into the Certificate's Secret.")]
public sealed class Pkcs12Keystore
{
    [Required]
    [Description("Create `keystore.p12` (and `truststore.p12` when the issuer returns a CA) in the Secret, encrypted with the password from `passwordSecretRef` or `password`.")]
    public bool Create { get; set; }

    [Description("The Secret entry holding the password that encrypts the keystore; exactly one of this and `password`.")]
    public SecretKeySelector? PasswordSecretRef { get; set; }

    [Description("The password that encrypts the keystore, written literally; exactly one of this and `passwordSecretRef`.")]
    public string? Password { get; set; }

    [EnumValues("LegacyRC2", "LegacyDES", "Modern2023", "Modern2026")]
    [Description("Encryption and MAC algorithms of the keystore: `LegacyRC2` (default, unsupported by OpenSSL 3 and Java 20 by default), `LegacyDES` (most compatible), `Modern2023` (AES and SHA-256) or `Modern2026` (AES, SHA-256 and a PBMAC1 MAC; OpenSSL 3.4+, Java 26+).")]
    public string? Profile { get; set; }
}
