using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// An RSA or ECDSA private key with what the pipeline needs from it: PEM/DER in either encoding,
/// a signature generator with cert-manager's hash choice, and comparisons with a spec or a public key.
/// </summary>
internal sealed class PrivateKey : IDisposable
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";
    private const string Ed25519Oid = "1.3.101.112";
    private static readonly Dictionary<string, int> NistCurves = new(StringComparer.Ordinal)
    {
        ["1.2.840.10045.3.1.7"] = 256,
        ["1.3.132.0.34"] = 384,
        ["1.3.132.0.35"] = 521,
    };

    private PrivateKey(AsymmetricAlgorithm key, KeyAlgorithm algorithm, int size)
    {
        Key = key;
        Algorithm = algorithm;
        Size = size;
    }

    public KeyAlgorithm Algorithm { get; }

    public int Size { get; }

    public AsymmetricAlgorithm Key { get; }

    public static PkiResult<PrivateKey> Generate(PrivateKeySpec spec) => spec.Algorithm switch
    {
        KeyAlgorithm.Rsa => new PrivateKey(RSA.Create(spec.Size), KeyAlgorithm.Rsa, spec.Size),
        KeyAlgorithm.Ecdsa => new PrivateKey(ECDsa.Create(Curve(spec.Size)), KeyAlgorithm.Ecdsa, spec.Size),
        _ => Ed25519Unsupported(),
    };

    /// <summary>Reads the first private key PEM block: `RSA PRIVATE KEY`, `EC PRIVATE KEY` or unencrypted `PRIVATE KEY`.</summary>
    public static PkiResult<PrivateKey> FromPem(ReadOnlySpan<char> pem)
    {
        while (PemEncoding.TryFind(pem, out var fields))
        {
            var label = pem[fields.Label].ToString();
            if (label is "RSA PRIVATE KEY" or "EC PRIVATE KEY" or "PRIVATE KEY")
            {
                return FromDer(label, Convert.FromBase64String(pem[fields.Base64Data].ToString()));
            }

            if (label == "ENCRYPTED PRIVATE KEY")
            {
                return Invalid("the private key is encrypted; store it unencrypted");
            }

            pem = pem[fields.Location.End..];
        }

        return Invalid("no PEM-encoded private key (RSA PRIVATE KEY, EC PRIVATE KEY or PRIVATE KEY) was found");
    }

    private static PkiResult<PrivateKey> FromDer(string label, byte[] der)
    {
        try
        {
            var algorithm = label switch
            {
                "RSA PRIVATE KEY" => RsaOid,
                "EC PRIVATE KEY" => EcOid,
                _ => Pkcs8AlgorithmOid(der),
            };
            return algorithm switch
            {
                RsaOid => FromRsa(label, der),
                EcOid => FromEc(label, der),
                Ed25519Oid => Ed25519Unsupported(),
                _ => Invalid($"the private key algorithm {algorithm} is not supported; use RSA or ECDSA"),
            };
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
        {
            // The exception text can quote key bytes, so only the PEM label is reported.
            return Invalid($"the {label} PEM block is not a valid private key");
        }
    }

    private static PrivateKey FromRsa(string label, byte[] der)
    {
        var rsa = RSA.Create();
        if (label == "RSA PRIVATE KEY")
        {
            rsa.ImportRSAPrivateKey(der, out _);
        }
        else
        {
            rsa.ImportPkcs8PrivateKey(der, out _);
        }

        return new PrivateKey(rsa, KeyAlgorithm.Rsa, rsa.KeySize);
    }

    private static PkiResult<PrivateKey> FromEc(string label, byte[] der)
    {
        var ecdsa = ECDsa.Create();
        if (label == "EC PRIVATE KEY")
        {
            ecdsa.ImportECPrivateKey(der, out _);
        }
        else
        {
            ecdsa.ImportPkcs8PrivateKey(der, out _);
        }

        var curve = ecdsa.ExportParameters(false).Curve.Oid.Value ?? "";
        if (!NistCurves.TryGetValue(curve, out var size))
        {
            ecdsa.Dispose();
            return Invalid($"the ECDSA curve {curve} is not supported; use P-256, P-384 or P-521");
        }

        return new PrivateKey(ecdsa, KeyAlgorithm.Ecdsa, size);
    }

    private static string Pkcs8AlgorithmOid(byte[] der)
    {
        var info = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        info.ReadInteger();
        return info.ReadSequence().ReadObjectIdentifier();
    }

    private static ECCurve Curve(int size) => size switch
    {
        384 => ECCurve.NamedCurves.nistP384,
        521 => ECCurve.NamedCurves.nistP521,
        _ => ECCurve.NamedCurves.nistP256,
    };

    private static PkiError Ed25519Unsupported() => new(PkiError.UnsupportedAlgorithm,
        "Ed25519 is not supported by this build of CertOperator; use RSA or ECDSA", "spec.privateKey.algorithm", ["RSA", "ECDSA"]);

    private static PkiError Invalid(string message) => new(PkiError.InvalidPrivateKey, message);

    /// <summary>Whether this key is what <paramref name="spec"/> asks for (algorithm and size); the encoding is not a property of the key.</summary>
    public bool Satisfies(PrivateKeySpec spec) => Algorithm == spec.Algorithm && Size == spec.Size;

    public string ToPem(KeyEncoding encoding) => (encoding, Key) switch
    {
        (KeyEncoding.Pkcs1, RSA rsa) => rsa.ExportRSAPrivateKeyPem(),
        (KeyEncoding.Pkcs1, ECDsa ecdsa) => ecdsa.ExportECPrivateKeyPem(),
        _ => Key.ExportPkcs8PrivateKeyPem(),
    };

    public byte[] ToDer(KeyEncoding encoding) => (encoding, Key) switch
    {
        (KeyEncoding.Pkcs1, RSA rsa) => rsa.ExportRSAPrivateKey(),
        (KeyEncoding.Pkcs1, ECDsa ecdsa) => ecdsa.ExportECPrivateKey(),
        _ => Key.ExportPkcs8PrivateKey(),
    };

    /// <summary>A copy of <paramref name="certificate"/> that holds this key, e.g. for a PKCS#12 export.</summary>
    public X509Certificate2 WithCertificate(X509Certificate2 certificate) =>
        Key is RSA rsa ? certificate.CopyWithPrivateKey(rsa) : certificate.CopyWithPrivateKey((ECDsa)Key);

    public byte[] SubjectPublicKeyInfo() => Key.ExportSubjectPublicKeyInfo();

    public bool Matches(PublicKey publicKey) => SubjectPublicKeyInfo().AsSpan().SequenceEqual(publicKey.ExportSubjectPublicKeyInfo());

    /// <summary>cert-manager's hash for a signer: SHA-512 for RSA ≥ 4096 and P-521, SHA-384 for RSA ≥ 3072 and P-384, else SHA-256.</summary>
    public HashAlgorithmName HashAlgorithm => (Algorithm, Size) switch
    {
        (KeyAlgorithm.Rsa, >= 4096) or (KeyAlgorithm.Ecdsa, 521) => HashAlgorithmName.SHA512,
        (KeyAlgorithm.Rsa, >= 3072) or (KeyAlgorithm.Ecdsa, 384) => HashAlgorithmName.SHA384,
        _ => HashAlgorithmName.SHA256,
    };

    public X509SignatureGenerator SignatureGenerator() => Key is RSA rsa
        ? X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1)
        : X509SignatureGenerator.CreateForECDsa((ECDsa)Key);

    public CertificateRequest NewRequest(X500DistinguishedName subject) => Key is RSA rsa
        ? new CertificateRequest(subject, rsa, HashAlgorithm, RSASignaturePadding.Pkcs1)
        : new CertificateRequest(subject, (ECDsa)Key, HashAlgorithm);

    public void Dispose() => Key.Dispose();
}
