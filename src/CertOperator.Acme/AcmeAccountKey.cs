using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CertOperator.Acme.Jws;

namespace CertOperator.Acme;

/// <summary>JWS algorithms an ACME account key can sign with.</summary>
public enum AcmeKeyAlgorithm
{
    ES256,
    ES384,
    RS256,
}

/// <summary>
/// An ACME account key (ECDSA P-256/P-384 or RSA). The private key never leaves this object except
/// through <see cref="ExportPkcs8Pem"/>, and no member's string form contains it.
/// </summary>
public sealed class AcmeAccountKey : IDisposable
{
    private readonly AsymmetricAlgorithm _key;

    private AcmeAccountKey(AsymmetricAlgorithm key, AcmeKeyAlgorithm algorithm)
    {
        _key = key;
        Algorithm = algorithm;
        Jwk = BuildJwk(key);
        Thumbprint = Jwk.Thumbprint();
    }

    public AcmeKeyAlgorithm Algorithm { get; }

    /// <summary>The RFC 7638 JWK thumbprint (base64url SHA-256) of the public key.</summary>
    public string Thumbprint { get; }

    internal JsonWebKey Jwk { get; }

    internal string JwsAlgorithm => Algorithm.ToString();

    public static AcmeAccountKey Create(AcmeKeyAlgorithm algorithm = AcmeKeyAlgorithm.ES256) => algorithm switch
    {
        AcmeKeyAlgorithm.ES256 => new AcmeAccountKey(ECDsa.Create(ECCurve.NamedCurves.nistP256), algorithm),
        AcmeKeyAlgorithm.ES384 => new AcmeAccountKey(ECDsa.Create(ECCurve.NamedCurves.nistP384), algorithm),
        AcmeKeyAlgorithm.RS256 => new AcmeAccountKey(RSA.Create(2048), algorithm),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown account key algorithm."),
    };

    /// <summary>Loads an ECDSA (P-256/P-384) or RSA (≥ 2048 bit) private key from PEM.</summary>
    public static AcmeAccountKey FromPem(string pem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pem);
        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            return FromEcdsa(ec);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            ec.Dispose();
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            rsa.Dispose();
            // The inner exception is dropped on purpose: parser messages can echo key material.
            throw new ArgumentException("The account key PEM holds no ECDSA or RSA private key.", nameof(pem));
        }

        if (rsa.KeySize < 2048)
        {
            rsa.Dispose();
            throw new ArgumentException("RSA account keys must be at least 2048 bits.", nameof(pem));
        }

        return new AcmeAccountKey(rsa, AcmeKeyAlgorithm.RS256);
    }

    public string ExportPkcs8Pem() => _key.ExportPkcs8PrivateKeyPem();

    /// <summary>The http-01 key authorization: token "." thumbprint (RFC 8555 §8.1).</summary>
    public string KeyAuthorization(string token) => token + "." + Thumbprint;

    /// <summary>The dns-01 TXT record value: base64url(SHA-256(key authorization)) (RFC 8555 §8.4).</summary>
    public string Dns01TxtValue(string token) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(KeyAuthorization(token))));

    internal byte[] Sign(ReadOnlySpan<byte> data) => _key switch
    {
        ECDsa ec => ec.SignData(data, Algorithm == AcmeKeyAlgorithm.ES384 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256),
        RSA rsa => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        _ => throw new NotSupportedException("Unsupported account key type."),
    };

    public void Dispose() => _key.Dispose();

    public override string ToString() => $"{Algorithm} account key {Thumbprint}";

    private static AcmeAccountKey FromEcdsa(ECDsa ec)
    {
        var curve = ec.ExportParameters(false).Curve;
        if (curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            return new AcmeAccountKey(ec, AcmeKeyAlgorithm.ES256);
        }

        if (curve.Oid.Value == ECCurve.NamedCurves.nistP384.Oid.Value)
        {
            return new AcmeAccountKey(ec, AcmeKeyAlgorithm.ES384);
        }

        ec.Dispose();
        throw new NotSupportedException("ECDSA account keys must use P-256 or P-384.");
    }

    private static JsonWebKey BuildJwk(AsymmetricAlgorithm key)
    {
        switch (key)
        {
            case ECDsa ec:
                var p = ec.ExportParameters(false);
                return new JsonWebKey
                {
                    KeyType = "EC",
                    Curve = p.Q.X!.Length == 32 ? "P-256" : "P-384",
                    X = Base64Url.EncodeToString(p.Q.X),
                    Y = Base64Url.EncodeToString(p.Q.Y!),
                };
            case RSA rsa:
                var r = rsa.ExportParameters(false);
                return new JsonWebKey
                {
                    KeyType = "RSA",
                    Exponent = Base64Url.EncodeToString(r.Exponent!),
                    Modulus = Base64Url.EncodeToString(r.Modulus!),
                };
            default:
                throw new NotSupportedException("Unsupported account key type.");
        }
    }
}
