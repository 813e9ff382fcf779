using System.Buffers.Binary;
using System.Security.Cryptography;
using CertOperator.Dns.Wire;

namespace CertOperator.Dns.Tsig;

/// <summary>Signs requests and verifies responses with TSIG (RFC 8945 §4.3, §5.3).</summary>
internal static class TsigSigner
{
    /// <summary>RFC 8945 §10 recommends 300 seconds of allowed clock skew.</summary>
    public const ushort Fudge = 300;

    /// <summary>Appends a TSIG record to an encoded message and returns the signed message and its MAC (needed to verify the answer).</summary>
    public static (byte[] Message, byte[] Mac) Sign(byte[] message, TsigKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(key);
        var id = BinaryPrimitives.ReadUInt16BigEndian(message);
        var unsignedTsig = new TsigRecordData(key.Algorithm.WireName, (ulong)now.ToUnixTimeSeconds(), Fudge, ReadOnlyMemory<byte>.Empty, id, DnsRcode.NoError, ReadOnlyMemory<byte>.Empty);
        var mac = key.Algorithm.ComputeMac(key.Secret, MacInput(ReadOnlySpan<byte>.Empty, message, key.Name, unsignedTsig));
        var writer = new DnsWriter();
        writer.WriteBytes(message);
        DnsMessageCodec.WriteRecord(writer, new DnsRecord(key.Name, DnsType.Tsig, DnsClass.Any, 0, unsignedTsig with { Mac = mac }));
        var signed = writer.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(signed.AsSpan(10), (ushort)(BinaryPrimitives.ReadUInt16BigEndian(signed.AsSpan(10)) + 1));
        return (signed, mac);
    }

    /// <summary>
    /// Checks a response's TSIG: the server's own error, then the MAC over request MAC + response without TSIG, then the time.
    /// Returns <see cref="DnsRcode.NoError"/> when it verifies.
    /// </summary>
    public static DnsRcode Verify(ReadOnlyMemory<byte> response, DnsMessage decoded, int tsigOffset, TsigKey key, byte[] requestMac, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        ArgumentNullException.ThrowIfNull(key);
        if (decoded.Tsig is not { Data: TsigRecordData tsig } record)
        {
            return DnsRcode.BadSig;
        }

        if (tsig.Error != DnsRcode.NoError)
        {
            return tsig.Error;
        }

        if (!DnsName.AreEqual(record.Name, key.Name) || !DnsName.AreEqual(tsig.Algorithm, key.Algorithm.WireName))
        {
            return DnsRcode.BadKey;
        }

        var unsigned = response[..tsigOffset].ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(unsigned, tsig.OriginalId);
        BinaryPrimitives.WriteUInt16BigEndian(unsigned.AsSpan(10), (ushort)(decoded.Additionals.Count - 1));
        var expected = key.Algorithm.ComputeMac(key.Secret, MacInput(requestMac, unsigned, key.Name, tsig));
        if (!CryptographicOperations.FixedTimeEquals(expected, tsig.Mac.Span))
        {
            return DnsRcode.BadSig;
        }

        var skew = Math.Abs(now.ToUnixTimeSeconds() - (long)tsig.TimeSigned);
        return skew > tsig.Fudge ? DnsRcode.BadTime : DnsRcode.NoError;
    }

    /// <summary>
    /// The digested bytes (RFC 8945 §4.3.1–4.3.3): [request MAC length + MAC, for responses], the message without TSIG,
    /// then the TSIG variables — key name and algorithm in canonical form, class ANY, TTL 0, time, fudge, error, other data.
    /// </summary>
    public static byte[] MacInput(ReadOnlySpan<byte> requestMac, ReadOnlySpan<byte> message, string keyName, TsigRecordData tsig)
    {
        ArgumentNullException.ThrowIfNull(tsig);
        var writer = new DnsWriter();
        if (!requestMac.IsEmpty)
        {
            writer.WriteUInt16((ushort)requestMac.Length);
            writer.WriteBytes(requestMac);
        }

        writer.WriteBytes(message);
        writer.WriteName(keyName, lowercase: true);
        writer.WriteUInt16((ushort)DnsClass.Any);
        writer.WriteUInt32(0);
        writer.WriteName(tsig.Algorithm, lowercase: true);
        writer.WriteUInt48(tsig.TimeSigned);
        writer.WriteUInt16(tsig.Fudge);
        writer.WriteUInt16((ushort)tsig.Error);
        writer.WriteUInt16((ushort)tsig.OtherData.Length);
        writer.WriteBytes(tsig.OtherData.Span);
        return writer.ToArray();
    }
}
