using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// Writes `truststore.p12` by hand: Java only trusts a PKCS#12 certificate that carries Oracle's trusted-key-usage
/// bag attribute, which .NET's exporter cannot add. Certificates are public, so their bags are not encrypted; the
/// file is integrity-protected with the RFC 7292 password MAC (HMAC-SHA-1, or HMAC-SHA-256 for Modern2023).
/// </summary>
internal static class Pkcs12TrustStore
{
    private const int MacIterations = 2048;
    private const string DataOid = "1.2.840.113549.1.7.1";
    private const string CertBagOid = "1.2.840.113549.1.12.10.1.3";
    private const string X509CertificateOid = "1.2.840.113549.1.9.22.1";
    private const string FriendlyNameOid = "1.2.840.113549.1.9.20";
    private const string OracleTrustedKeyUsageOid = "2.16.840.1.113894.746875.1.1";
    private const string AnyExtendedKeyUsageOid = "2.5.29.37.0";
    private static readonly Asn1Tag Explicit0 = new(TagClass.ContextSpecific, 0, isConstructed: true);

    public static byte[] Write(IReadOnlyList<X509Certificate2> certificates, byte[] password, bool sha256Mac)
    {
        var authenticatedSafe = new AsnWriter(AsnEncodingRules.DER);
        using (authenticatedSafe.PushSequence())
        {
            WriteDataContentInfo(authenticatedSafe, SafeContents(certificates));
        }

        var content = authenticatedSafe.Encode();
        var pfx = new AsnWriter(AsnEncodingRules.DER);
        using (pfx.PushSequence())
        {
            pfx.WriteInteger(3);
            WriteDataContentInfo(pfx, content);
            WriteMacData(pfx, content, Encoding.UTF8.GetString(password), sha256Mac);
        }

        return pfx.Encode();
    }

    private static byte[] SafeContents(IReadOnlyList<X509Certificate2> certificates)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            for (var i = 0; i < certificates.Count; i++)
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(CertBagOid);
                    using (writer.PushSequence(Explicit0))
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier(X509CertificateOid);
                        using (writer.PushSequence(Explicit0))
                        {
                            writer.WriteOctetString(certificates[i].RawData);
                        }
                    }

                    WriteTrustAttributes(writer, certificates.Count == 1 ? "ca" : $"ca-{i}");
                }
            }
        }

        return writer.Encode();
    }

    private static void WriteTrustAttributes(AsnWriter writer, string alias)
    {
        using (writer.PushSetOf())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(FriendlyNameOid);
                using (writer.PushSetOf())
                {
                    writer.WriteCharacterString(UniversalTagNumber.BMPString, alias);
                }
            }

            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(OracleTrustedKeyUsageOid);
                using (writer.PushSetOf())
                {
                    writer.WriteObjectIdentifier(AnyExtendedKeyUsageOid);
                }
            }
        }
    }

    private static void WriteDataContentInfo(AsnWriter writer, byte[] data)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(DataOid);
            using (writer.PushSequence(Explicit0))
            {
                writer.WriteOctetString(data);
            }
        }
    }

    private static void WriteMacData(AsnWriter writer, byte[] content, string password, bool sha256)
    {
        var hash = sha256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1;
        var salt = RandomNumberGenerator.GetBytes(sha256 ? 32 : 20);
        var key = DeriveMacKey(password, salt, hash);
        var mac = CryptographicOperations.HmacData(hash, key, content);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(sha256 ? "2.16.840.1.101.3.4.2.1" : "1.3.14.3.2.26");
                    writer.WriteNull();
                }

                writer.WriteOctetString(mac);
            }

            writer.WriteOctetString(salt);
            writer.WriteInteger(MacIterations);
        }
    }

    /// <summary>The RFC 7292 appendix B.2 key derivation with ID 3 (MAC key), one hash length long.</summary>
    private static byte[] DeriveMacKey(string password, byte[] salt, HashAlgorithmName hash)
    {
        const int blockSize = 64;
        var passwordBytes = Encoding.BigEndianUnicode.GetBytes(password + "\0");
        var input = Repeat(salt, blockSize).Concat(Repeat(passwordBytes, blockSize)).ToArray();
        var a = Enumerable.Repeat((byte)3, blockSize).Concat(input).ToArray();
        for (var i = 0; i < MacIterations; i++)
        {
            a = CryptographicOperations.HashData(hash, a);
        }

        // One hash length of output needs one round, so the B-block update of I is never used.
        return a;
    }

    private static byte[] Repeat(byte[] value, int blockSize)
    {
        var length = value.Length == 0 ? 0 : blockSize * ((value.Length + blockSize - 1) / blockSize);
        return [.. Enumerable.Range(0, length).Select(i => value[i % value.Length])];
    }
}
