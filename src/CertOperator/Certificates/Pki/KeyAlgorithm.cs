namespace CertOperator.Certificates.Pki;

/// <summary>The private key algorithms of cert-manager's `spec.privateKey.algorithm`.</summary>
internal enum KeyAlgorithm
{
    Rsa,
    Ecdsa,
    Ed25519,
}

/// <summary>PEM form of `tls.key`: PKCS#1 (`RSA PRIVATE KEY` / `EC PRIVATE KEY`) or PKCS#8 (`PRIVATE KEY`).</summary>
internal enum KeyEncoding
{
    Pkcs1,
    Pkcs8,
}

internal static class KeyAlgorithmNames
{
    /// <summary>The spelling cert-manager uses in the API and that <see cref="CertificateFacts"/> reports.</summary>
    public static string Name(this KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Rsa => "RSA",
        KeyAlgorithm.Ecdsa => "ECDSA",
        _ => "Ed25519",
    };
}
