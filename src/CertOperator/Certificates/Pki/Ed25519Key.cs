using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// An Ed25519 key, through BouncyCastle because System.Security.Cryptography has no Ed25519. Only
/// <see cref="PrivateKey"/> and <see cref="Ed25519SignatureGenerator"/> see it; everything else works on
/// PEM, SubjectPublicKeyInfo bytes and .NET's certificate types as for RSA and ECDSA.
/// </summary>
internal sealed class Ed25519Key
{
    public const string Oid = "1.3.101.112";

    private readonly Ed25519PrivateKeyParameters _key;

    private Ed25519Key(Ed25519PrivateKeyParameters key) => _key = key;

    public static Ed25519Key Generate() => new(new Ed25519PrivateKeyParameters(new SecureRandom()));

    /// <summary>Reads a PKCS#8 PrivateKeyInfo holding an Ed25519 key.</summary>
    public static Ed25519Key FromPkcs8(byte[] der)
    {
        try
        {
            return PrivateKeyFactory.CreateKey(der) is Ed25519PrivateKeyParameters key
                ? new Ed25519Key(key)
                : throw new CryptographicException("the PKCS#8 key is not an Ed25519 key");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            // BouncyCastle's own text is not passed on: it could describe key bytes.
            throw new CryptographicException("the PKCS#8 key is not a valid Ed25519 key");
        }
    }

    /// <summary>RFC 8410 PKCS#8 v1 without the optional public key, byte for byte what Go (so cert-manager) writes.</summary>
    public byte[] ToPkcs8()
    {
        var seed = new AsnWriter(AsnEncodingRules.DER);
        seed.WriteOctetString(_key.GetEncoded());
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Oid);
            }

            writer.WriteOctetString(seed.Encode());
        }

        return writer.Encode();
    }

    public byte[] SubjectPublicKeyInfo() => SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(_key.GeneratePublicKey()).GetDerEncoded();

    /// <summary>The public key as .NET's certificate builder wants it (algorithm without parameters, raw 32-byte key).</summary>
    public PublicKey PublicKey() => new(new System.Security.Cryptography.Oid(Oid), null, new AsnEncodedData(_key.GeneratePublicKey().GetEncoded()));

    public byte[] Sign(byte[] data)
    {
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, _key);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    /// <summary>Whether a DER PKCS#10 request carrying an Ed25519 key is correctly self-signed (.NET cannot check it).</summary>
    public static bool VerifyRequest(byte[] der)
    {
        try
        {
            return new Pkcs10CertificationRequest(der).Verify();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or InvalidKeyException or SignatureException)
        {
            return false;
        }
    }
}
