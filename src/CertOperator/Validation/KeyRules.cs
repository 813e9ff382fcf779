using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;

namespace CertOperator.Validation;

/// <summary>
/// `privateKey` and `usages` as cert-manager accepts them: RSA 2048–8192 bits, ECDSA 256/384/521, Ed25519;
/// the CRD's encodings and rotation policies; usages from cert-manager's list (isCA adds `cert sign` itself).
/// </summary>
internal static class KeyRules
{
    private static readonly string[] EcdsaSizes = ["256", "384", "521"];

    public static void ValidatePrivateKey(CertificatePrivateKey? key, List<FieldError> errors)
    {
        if (key is null)
        {
            return;
        }

        var size = key.Size ?? 0;
        switch (key.Algorithm)
        {
            case null or "" or "RSA":
                if (size > 0 && size is < PrivateKeySpec.MinRsaSize or > PrivateKeySpec.MaxRsaSize)
                {
                    errors.Add(new("spec.privateKey.size", $"{size}: must be between {PrivateKeySpec.MinRsaSize} and {PrivateKeySpec.MaxRsaSize} for rsa keyAlgorithm"));
                }

                break;
            case "ECDSA":
                if (size > 0 && !EcdsaSizes.Contains(size.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                {
                    errors.Add(new("spec.privateKey.size", $"Unsupported value: {size}: supported values: \"256\", \"384\", \"521\""));
                }

                break;
            case "Ed25519":
                break;
            default:
                errors.Add(new("spec.privateKey.algorithm", $"\"{key.Algorithm}\": must be either empty or one of RSA, ECDSA or Ed25519"));
                break;
        }

        if (key.Encoding is { Length: > 0 } encoding && encoding is not ("PKCS1" or "PKCS8"))
        {
            errors.Add(new("spec.privateKey.encoding", $"Unsupported value: \"{encoding}\": supported values: \"PKCS1\", \"PKCS8\""));
        }

        if (key.RotationPolicy is { Length: > 0 } policy && policy is not ("Always" or "Never"))
        {
            errors.Add(new("spec.privateKey.rotationPolicy", $"Unsupported value: \"{policy}\": supported values: \"Always\", \"Never\""));
        }
    }

    /// <summary>The signature algorithm must fit the key algorithm (RSA when unset), with cert-manager's message.</summary>
    public static void ValidateSignatureAlgorithm(string? signatureAlgorithm, string? keyAlgorithm, List<FieldError> errors)
    {
        var allowed = SignatureAlgorithms.AllowedFor(keyAlgorithm);
        if (signatureAlgorithm is { Length: > 0 } value && allowed.Count > 0 && !allowed.Contains(value))
        {
            errors.Add(new("spec.signatureAlgorithm",
                $"Invalid value: \"{value}\": for key algorithm {(string.IsNullOrEmpty(keyAlgorithm) ? "RSA" : keyAlgorithm)} the allowed signature algorithms are [{string.Join(" ", allowed)}]"));
        }
    }

    /// <summary>
    /// Each usage must be one cert-manager knows; <paramref name="path"/> is e.g. `spec.usages`. Stricter than
    /// cert-manager: `cert sign` without isCA is refused, since RFC 5280 (4.2.1.3) forbids keyCertSign on a non-CA.
    /// </summary>
    public static void ValidateUsages(List<string>? usages, string path, bool isCA, List<FieldError> errors)
    {
        var list = usages ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (Usages.Resolve([list[i]], isCA: false).Error is not null)
            {
                errors.Add(new($"{path}[{i}]", $"\"{list[i]}\": unknown keyusage; use e.g. \"digital signature\", \"key encipherment\", \"server auth\" or \"client auth\""));
            }
            else if (!isCA && list[i] == "cert sign")
            {
                errors.Add(new($"{path}[{i}]", "\"cert sign\" is only for CA certificates (RFC 5280 forbids keyCertSign without the CA basic constraint): remove it, or set isCA: true"));
            }
        }
    }
}
