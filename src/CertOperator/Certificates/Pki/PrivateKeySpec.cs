using CertOperator.Crds.Certificates;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// A Certificate's `spec.privateKey` with cert-manager's defaults applied and its values checked the way
/// cert-manager's webhook does (internal/apis/certmanager/validation): RSA 2048..8192 (default 2048),
/// ECDSA 256/384/521 (default 256), Ed25519 without a size. The rotation policy defaults to `Always`,
/// as it has since cert-manager 1.18.
/// </summary>
internal sealed record PrivateKeySpec(KeyAlgorithm Algorithm, int Size, KeyEncoding Encoding, bool RotateAlways)
{
    public const int MinRsaSize = 2048;
    public const int MaxRsaSize = 8192;
    private const string Path = "spec.privateKey";
    private static readonly int[] EcdsaSizes = [256, 384, 521];

    public static PrivateKeySpec Default { get; } = new(KeyAlgorithm.Rsa, MinRsaSize, KeyEncoding.Pkcs1, RotateAlways: true);

    public static PkiResult<PrivateKeySpec> Resolve(CertificatePrivateKey? key)
    {
        if (key is null)
        {
            return Default;
        }

        var algorithm = ResolveAlgorithm(key.Algorithm);
        if (!algorithm.Ok)
        {
            return algorithm.Error;
        }

        var size = ResolveSize(algorithm.Value, key.Size ?? 0);
        if (!size.Ok)
        {
            return size.Error;
        }

        var encoding = ResolveEncoding(key.Encoding);
        if (!encoding.Ok)
        {
            return encoding.Error;
        }

        var rotateAlways = ResolveRotation(key.RotationPolicy);
        if (!rotateAlways.Ok)
        {
            return rotateAlways.Error;
        }

        return new PrivateKeySpec(algorithm.Value, size.Value, encoding.Value, rotateAlways.Value);
    }

    private static PkiResult<KeyAlgorithm> ResolveAlgorithm(string? algorithm) => algorithm switch
    {
        null or "" or "RSA" => KeyAlgorithm.Rsa,
        "ECDSA" => KeyAlgorithm.Ecdsa,
        "Ed25519" => KeyAlgorithm.Ed25519,
        _ => Invalid("algorithm", $"\"{algorithm}\" is not a key algorithm", ["RSA", "ECDSA", "Ed25519"]),
    };

    // Like cert-manager, a size of zero or below means "use the default".
    private static PkiResult<int> ResolveSize(KeyAlgorithm algorithm, int size)
    {
        if (algorithm == KeyAlgorithm.Rsa)
        {
            if (size <= 0)
            {
                return MinRsaSize;
            }

            // .NET generates RSA moduli in whole bytes only, so sizes inside the range must be multiples of 8.
            return size is >= MinRsaSize and <= MaxRsaSize && size % 8 == 0
                ? size
                : Invalid("size", $"{size} is not a valid RSA key size; use a multiple of 8 between {MinRsaSize} and {MaxRsaSize}, e.g. 2048, 3072 or 4096",
                    ["2048", "3072", "4096", "8192"]);
        }

        if (algorithm == KeyAlgorithm.Ecdsa)
        {
            if (size <= 0)
            {
                return EcdsaSizes[0];
            }

            return EcdsaSizes.Contains(size)
                ? size
                : Invalid("size", $"{size} is not a valid ECDSA key size", [.. EcdsaSizes.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }

        return 256;
    }

    private static PkiResult<KeyEncoding> ResolveEncoding(string? encoding) => encoding switch
    {
        null or "" or "PKCS1" => KeyEncoding.Pkcs1,
        "PKCS8" => KeyEncoding.Pkcs8,
        _ => Invalid("encoding", $"\"{encoding}\" is not a key encoding", ["PKCS1", "PKCS8"]),
    };

    private static PkiResult<bool> ResolveRotation(string? policy) => policy switch
    {
        null or "" or "Always" => true,
        "Never" => false,
        _ => Invalid("rotationPolicy", $"\"{policy}\" is not a rotation policy", ["Always", "Never"]),
    };

    private static PkiError Invalid(string field, string problem, IReadOnlyList<string> accepted) =>
        new(PkiError.InvalidPrivateKeySpec,
            $"{Path}.{field}: {problem}; accepted values: {string.Join(", ", accepted)}",
            $"{Path}.{field}",
            accepted);
}
