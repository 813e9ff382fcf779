namespace CertOperator.Acme.Crypto;

/// <summary>Private key types for certificates (not account keys).</summary>
public enum CertificateKeyAlgorithm
{
    Rsa2048,
    Rsa3072,
    Rsa4096,
    EcdsaP256,
    EcdsaP384,
    EcdsaP521,
    Ed25519,
}
