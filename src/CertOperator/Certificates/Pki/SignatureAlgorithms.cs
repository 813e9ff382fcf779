using System.Security.Cryptography;

namespace CertOperator.Certificates.Pki;

/// <summary>cert-manager's `spec.signatureAlgorithm` values, by key algorithm, and the hash each one signs with.</summary>
internal static class SignatureAlgorithms
{
    /// <summary>The values allowed for each `spec.privateKey.algorithm` (RSA when unset), in cert-manager's order.</summary>
    public static IReadOnlyList<string> AllowedFor(string? keyAlgorithm) => keyAlgorithm switch
    {
        null or "" or "RSA" => ["SHA256WithRSA", "SHA384WithRSA", "SHA512WithRSA"],
        "ECDSA" => ["ECDSAWithSHA256", "ECDSAWithSHA384", "ECDSAWithSHA512"],
        "Ed25519" => ["PureEd25519"],
        _ => [],
    };

    /// <summary>The hash <paramref name="signatureAlgorithm"/> names; null when unset or Ed25519 (the key's own choice applies).</summary>
    public static HashAlgorithmName? Hash(string? signatureAlgorithm) => signatureAlgorithm switch
    {
        "SHA256WithRSA" or "ECDSAWithSHA256" => HashAlgorithmName.SHA256,
        "SHA384WithRSA" or "ECDSAWithSHA384" => HashAlgorithmName.SHA384,
        "SHA512WithRSA" or "ECDSAWithSHA512" => HashAlgorithmName.SHA512,
        _ => null,
    };
}
