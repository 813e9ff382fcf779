using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// An RSA, ECDSA or Ed25519 private key with what the pipeline needs from it: PEM/DER in either encoding,
/// a signature generator with cert-manager's hash choice, and comparisons with a spec or a public key.
/// RSA and ECDSA are .NET's; Ed25519 is BouncyCastle's (<see cref="Ed25519Key"/>), invisible to callers.
/// </summary>
internal sealed class PrivateKey : IDisposable
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";
    private static readonly Dictionary<string, int> NistCurves = new(StringComparer.Ordinal)
    {
        ["1.2.840.10045.3.1.7"] = 256,
        ["1.3.132.0.34"] = 384,
        ["1.3.132.0.35"] = 521,
    };

    /// <summary>Ed25519 keys are 256 bits, as cert-manager reports them.</summary>
    private const int Ed25519Size = 256;

    private readonly AsymmetricAlgorithm? _key;
    private readonly Ed25519Key? _ed25519;

    private PrivateKey(AsymmetricAlgorithm key, KeyAlgorithm algorithm, int size)
    {
        _key = key;
        Algorithm = algorithm;
        Size = size;
    }

    private PrivateKey(Ed25519Key key)
    {
        _ed25519 = key;
        Algorithm = KeyAlgorithm.Ed25519;
        Size = Ed25519Size;
    }

    public KeyAlgorithm Algorithm { get; }

    public int Size { get; }

    public static PkiResult<PrivateKey> Generate(PrivateKeySpec spec) => spec.Algorithm switch
    {
        KeyAlgorithm.Rsa => new PrivateKey(RSA.Create(spec.Size), KeyAlgorithm.Rsa, spec.Size),
        KeyAlgorithm.Ecdsa => new PrivateKey(ECDsa.Create(Curve(spec.Size)), KeyAlgorithm.Ecdsa, spec.Size),
        _ => new PrivateKey(Ed25519Key.Generate()),
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
                Ed25519Key.Oid => new PrivateKey(Ed25519Key.FromPkcs8(der)),
                _ => Invalid($"the private key algorithm {algorithm} is not supported; use RSA, ECDSA or Ed25519"),
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

    private static PkiError Invalid(string message) => new(PkiError.InvalidPrivateKey, message);

    /// <summary>Whether this key is what <paramref name="spec"/> asks for (algorithm and size); the encoding is not a property of the key.</summary>
    public bool Satisfies(PrivateKeySpec spec) => Algorithm == spec.Algorithm && Size == spec.Size;

    /// <summary>PEM in the requested encoding; Ed25519 has only PKCS#8, which cert-manager also writes for it.</summary>
    public string ToPem(KeyEncoding encoding) => (encoding, _key) switch
    {
        (_, null) => PemEncoding.WriteString("PRIVATE KEY", _ed25519!.ToPkcs8()),
        (KeyEncoding.Pkcs1, RSA rsa) => rsa.ExportRSAPrivateKeyPem(),
        (KeyEncoding.Pkcs1, ECDsa ecdsa) => ecdsa.ExportECPrivateKeyPem(),
        _ => _key.ExportPkcs8PrivateKeyPem(),
    };

    public byte[] ToDer(KeyEncoding encoding) => (encoding, _key) switch
    {
        (_, null) => _ed25519!.ToPkcs8(),
        (KeyEncoding.Pkcs1, RSA rsa) => rsa.ExportRSAPrivateKey(),
        (KeyEncoding.Pkcs1, ECDsa ecdsa) => ecdsa.ExportECPrivateKey(),
        _ => _key.ExportPkcs8PrivateKey(),
    };

    /// <summary>
    /// A copy of <paramref name="certificate"/> that holds this key, e.g. for a PKCS#12 export; null for Ed25519,
    /// which .NET's certificate store types cannot hold.
    /// </summary>
    public X509Certificate2? WithCertificate(X509Certificate2 certificate) => _key switch
    {
        RSA rsa => certificate.CopyWithPrivateKey(rsa),
        ECDsa ecdsa => certificate.CopyWithPrivateKey(ecdsa),
        _ => null,
    };

    public byte[] SubjectPublicKeyInfo() => _key?.ExportSubjectPublicKeyInfo() ?? _ed25519!.SubjectPublicKeyInfo();

    public bool Matches(PublicKey publicKey) => SubjectPublicKeyInfo().AsSpan().SequenceEqual(publicKey.ExportSubjectPublicKeyInfo());

    /// <summary>
    /// cert-manager's hash for a signer: SHA-512 for RSA ≥ 4096 and P-521, SHA-384 for RSA ≥ 3072 and P-384, else
    /// SHA-256. Ed25519 hashes internally (SHA-512); the name only satisfies .NET's builder.
    /// </summary>
    public HashAlgorithmName HashAlgorithm => (Algorithm, Size) switch
    {
        (KeyAlgorithm.Rsa, >= 4096) or (KeyAlgorithm.Ecdsa, 521) or (KeyAlgorithm.Ed25519, _) => HashAlgorithmName.SHA512,
        (KeyAlgorithm.Rsa, >= 3072) or (KeyAlgorithm.Ecdsa, 384) => HashAlgorithmName.SHA384,
        _ => HashAlgorithmName.SHA256,
    };

    public X509SignatureGenerator SignatureGenerator() => _key switch
    {
        RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
        ECDsa ecdsa => X509SignatureGenerator.CreateForECDsa(ecdsa),
        _ => new Ed25519SignatureGenerator(_ed25519!),
    };

    /// <summary>A request for this key's public key, signed with <paramref name="hash"/> (else <see cref="HashAlgorithm"/>); sign it with <see cref="SignatureGenerator"/>.</summary>
    public CertificateRequest NewRequest(X500DistinguishedName subject, HashAlgorithmName? hash = null) =>
        new(subject, SignatureGenerator().PublicKey, _ed25519 is null ? hash ?? HashAlgorithm : HashAlgorithm, _key is RSA ? RSASignaturePadding.Pkcs1 : null);

    public void Dispose() => _key?.Dispose();
}
