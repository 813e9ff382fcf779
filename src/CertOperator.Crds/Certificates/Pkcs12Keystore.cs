using System.ComponentModel;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Certificates;

[Description("Options for the PKCS#12 keystore written into the Certificate's Secret.")]
public sealed class Pkcs12Keystore
{
    [Required]
    [Description("Create `keystore.p12` (and `truststore.p12` when the issuer returns a CA) in the Secret, encrypted with the password from `passwordSecretRef`.")]
    public bool Create { get; set; }

    [Required]
    [Description("The Secret entry holding the password that encrypts the keystore.")]
    public SecretKeySelector PasswordSecretRef { get; set; } = new();

    [EnumValues("LegacyRC2", "LegacyDES", "Modern2023")]
    [Description("Encryption and MAC algorithms of the keystore: `LegacyRC2` (default, unsupported by OpenSSL 3 and Java 20 by default), `LegacyDES` (most compatible) or `Modern2023` (AES and SHA-256).")]
    public string? Profile { get; set; }
}
