using System.ComponentModel;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Certificates;

[Description("Options for the JKS keystore written into the Certificate's Secret.")]
public sealed class JksKeystore
{
    [Required]
    [Description("Create `keystore.jks` (and `truststore.jks` when the issuer returns a CA) in the Secret, encrypted with the password from `passwordSecretRef` or `password`.")]
    public bool Create { get; set; }

    [Description("The Secret entry holding the password that encrypts the keystore; exactly one of this and `password`.")]
    public SecretKeySelector? PasswordSecretRef { get; set; }

    [Description("The password that encrypts the keystore, written literally; exactly one of this and `passwordSecretRef`.")]
    public string? Password { get; set; }

    [Description("Alias of the key in the keystore. Defaults to `certificate`.")]
    public string? Alias { get; set; }
}
