using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// Writes Sun's JKS format (`keystore.jks`, `truststore.jks`) as cert-manager does: the key entry under the
/// spec's alias (default "certificate") with the chain, CA certificates as trusted entries "ca", "ca-1", …
/// The key is protected with Sun's KeyProtector scheme and the file with the JKS SHA-1 integrity trailer;
/// both are what every Java version reads, however dated the algorithms are.
/// </summary>
internal static class JavaKeyStore
{
    private const string KeyProtectorOid = "1.3.6.1.4.1.42.2.17.1.1";
    private const int DigestLength = 20;

    public static byte[] Keystore(
        string alias, PrivateKey key, IReadOnlyList<X509Certificate2> chain, IReadOnlyList<X509Certificate2> ca, byte[] password, DateTimeOffset created)
    {
        using var stream = new MemoryStream();
        WriteHeader(stream, 1 + ca.Count);
        WriteInt(stream, 1);
        WriteUtf(stream, alias);
        WriteLong(stream, created.ToUnixTimeMilliseconds());
        var protectedKey = ProtectKey(key.ToDer(KeyEncoding.Pkcs8), PasswordBytes(password));
        WriteInt(stream, protectedKey.Length);
        stream.Write(protectedKey);
        WriteInt(stream, chain.Count);
        foreach (var certificate in chain)
        {
            WriteCertificate(stream, certificate);
        }

        WriteTrusted(stream, ca, created);
        return Seal(stream, password);
    }

    public static byte[] Truststore(IReadOnlyList<X509Certificate2> ca, byte[] password, DateTimeOffset created)
    {
        using var stream = new MemoryStream();
        WriteHeader(stream, ca.Count);
        WriteTrusted(stream, ca, created);
        return Seal(stream, password);
    }

    private static void WriteHeader(MemoryStream stream, int entries)
    {
        WriteInt(stream, unchecked((int)0xFEEDFEED));
        WriteInt(stream, 2);
        WriteInt(stream, entries);
    }

    private static void WriteTrusted(MemoryStream stream, IReadOnlyList<X509Certificate2> ca, DateTimeOffset created)
    {
        for (var i = 0; i < ca.Count; i++)
        {
            WriteInt(stream, 2);
            WriteUtf(stream, i == 0 ? "ca" : $"ca-{i}");
            WriteLong(stream, created.ToUnixTimeMilliseconds());
            WriteCertificate(stream, ca[i]);
        }
    }

    private static void WriteCertificate(MemoryStream stream, X509Certificate2 certificate)
    {
        WriteUtf(stream, "X.509");
        WriteInt(stream, certificate.RawData.Length);
        stream.Write(certificate.RawData);
    }

    /// <summary>Appends SHA-1(password ‖ "Mighty Aphrodite" ‖ store), the integrity check Java verifies on load.</summary>
    private static byte[] Seal(MemoryStream stream, byte[] password)
    {
        var body = stream.ToArray();
        var digest = Sha1([.. PasswordBytes(password), .. "Mighty Aphrodite"u8, .. body]);
        return [.. body, .. digest];
    }

    /// <summary>Sun's KeyProtector: salt ‖ (key XOR SHA-1 keystream from password and salt) ‖ SHA-1(password ‖ key).</summary>
    private static byte[] ProtectKey(byte[] pkcs8, byte[] password)
    {
        var salt = RandomNumberGenerator.GetBytes(DigestLength);
        var encrypted = new byte[pkcs8.Length];
        var digest = salt;
        for (var offset = 0; offset < pkcs8.Length; offset += DigestLength)
        {
            digest = Sha1([.. password, .. digest]);
            for (var i = 0; i < DigestLength && offset + i < pkcs8.Length; i++)
            {
                encrypted[offset + i] = (byte)(pkcs8[offset + i] ^ digest[i]);
            }
        }

        var check = Sha1([.. password, .. pkcs8]);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(KeyProtectorOid);
                writer.WriteNull();
            }

            writer.WriteOctetString([.. salt, .. encrypted, .. check]);
        }

        return writer.Encode();
    }

    // The JKS format fixes SHA-1; it is the format's, not a choice made here.
    private static byte[] Sha1(byte[] data) => CryptographicOperations.HashData(HashAlgorithmName.SHA1, data);

    // Java hands the password over as chars, two bytes each, big-endian.
    private static byte[] PasswordBytes(byte[] password) => Encoding.BigEndianUnicode.GetBytes(Encoding.UTF8.GetString(password));

    private static void WriteInt(MemoryStream stream, int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, value);
        stream.Write(buffer);
    }

    private static void WriteLong(MemoryStream stream, long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(buffer, value);
        stream.Write(buffer);
    }

    // DataOutputStream.writeUTF; aliases and "X.509" are ASCII, where modified UTF-8 is plain UTF-8.
    private static void WriteUtf(MemoryStream stream, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, checked((ushort)bytes.Length));
        stream.Write(length);
        stream.Write(bytes);
    }
}
