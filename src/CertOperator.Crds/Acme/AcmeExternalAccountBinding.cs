using System.ComponentModel;
using System.Text.Json.Serialization;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("Credentials binding the ACME account to an existing account at the CA.")]
public sealed class AcmeExternalAccountBinding
{
    [Required]
    [JsonPropertyName("keyID")]
    [Description("The key ID given by the CA for the external account.")]
    public string KeyId { get; set; } = "";

    [Required]
    [Description("The Secret entry holding the HMAC key for the external account, as unpadded base64url text.")]
    public SecretKeySelector KeySecretRef { get; set; } = new();

    [EnumValues("HS256", "HS384", "HS512")]
    [Description("Deprecated and ignored: the MAC algorithm is always HS256. Kept for compatibility.")]
    public string? KeyAlgorithm { get; set; }
}
