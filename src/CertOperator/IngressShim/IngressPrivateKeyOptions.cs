using System.Globalization;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;

namespace CertOperator.IngressShim;

/// <summary>
/// The `cert-manager.io/private-key-*` annotations. Values are matched exactly as cert-manager does ("RSA",
/// not "rsa"), and the size is checked against the algorithm (RSA when unset).
/// </summary>
internal static class IngressPrivateKeyOptions
{
    private static readonly string[] Algorithms = ["RSA", "ECDSA", "Ed25519"];
    private static readonly string[] Encodings = ["PKCS1", "PKCS8"];
    private static readonly string[] RotationPolicies = ["Never", "Always"];
    private static readonly int[] EcdsaSizes = [256, 384, 521];

    public static CertificatePrivateKey? Parse(IReadOnlyDictionary<string, string> annotations, List<string> errors)
    {
        var key = new CertificatePrivateKey
        {
            Algorithm = OneOf(annotations, IngressAnnotations.PrivateKeyAlgorithm, Algorithms, errors),
            Encoding = OneOf(annotations, IngressAnnotations.PrivateKeyEncoding, Encodings, errors),
            RotationPolicy = OneOf(annotations, IngressAnnotations.PrivateKeyRotationPolicy, RotationPolicies, errors),
        };
        key.Size = Size(annotations, key.Algorithm ?? "RSA", errors);
        return key is { Algorithm: null, Encoding: null, RotationPolicy: null, Size: null } ? null : key;
    }

    private static string? OneOf(IReadOnlyDictionary<string, string> annotations, string key, string[] accepted, List<string> errors)
    {
        if (!annotations.TryGetValue(key, out var text))
        {
            return null;
        }

        if (accepted.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        errors.Add($"{key}: \"{text}\" is not valid; accepted values (exact case): {string.Join(", ", accepted)}");
        return null;
    }

    private static int? Size(IReadOnlyDictionary<string, string> annotations, string algorithm, List<string> errors)
    {
        const string Key = IngressAnnotations.PrivateKeySize;
        if (!annotations.TryGetValue(Key, out var text))
        {
            return null;
        }

        var fits = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size) && algorithm switch
        {
            "RSA" => size is >= PrivateKeySpec.MinRsaSize and <= PrivateKeySpec.MaxRsaSize,
            "ECDSA" => EcdsaSizes.Contains(size),
            _ => true,
        };
        if (fits)
        {
            return size;
        }

        errors.Add(algorithm switch
        {
            "ECDSA" => $"{Key}: \"{text}\" is not valid for ECDSA; use 256, 384 or 521",
            "RSA" => $"{Key}: \"{text}\" is not valid for RSA; use a key size in bits from {PrivateKeySpec.MinRsaSize} to {PrivateKeySpec.MaxRsaSize}, e.g. 2048, 4096 or 8192",
            _ => $"{Key}: \"{text}\" is not a whole number; {algorithm} keys have a fixed size, so remove this annotation",
        });
        return null;
    }
}
