using System.Security.Cryptography;
using System.Text;
using CertOperator.Dns.Tsig;
using CertOperator.Dns.Wire;

namespace CertOperator.Dns.Tests.Tsig;

public class TsigSignerTests
{
    private const string Secret = "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0";
    private const ulong TimeSigned = 1_700_000_000;
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds((long)TimeSigned);
    private static readonly TsigKey Key = new("Acme-Key", TsigAlgorithm.HmacSha256, Secret);

    // RFC 8945 §4.3.3 variables, written out by hand: key name (lowercased), class ANY, TTL 0, algorithm,
    // 48-bit time 1700000000 (0x6553F100), fudge 300, error 0, other length 0.
    private static readonly byte[] Variables =
    [
        8, .. "acme-key"u8, 0,
        0x00, 0xFF,
        0x00, 0x00, 0x00, 0x00,
        11, .. "hmac-sha256"u8, 0,
        0x00, 0x00, 0x65, 0x53, 0xF1, 0x00,
        0x01, 0x2C,
        0x00, 0x00,
        0x00, 0x00,
    ];

    [Fact]
    public void Request_MAC_input_is_the_message_then_the_TSIG_variables()
    {
        var input = TsigSigner.MacInput([], [1, 2, 3], "Acme-Key.", Unsigned(originalId: 0));

        input.Should().Equal([1, 2, 3, .. Variables]);
    }

    [Fact]
    public void Response_MAC_input_starts_with_the_length_prefixed_request_MAC()
    {
        var input = TsigSigner.MacInput([9, 9], [1, 2, 3], "acme-key.", Unsigned(originalId: 0));

        input.Should().Equal([0x00, 0x02, 9, 9, 1, 2, 3, .. Variables]);
    }

    [Fact]
    public void Sign_appends_a_TSIG_record_whose_MAC_covers_the_unsigned_message()
    {
        var unsigned = DnsMessageCodec.Encode(new DnsMessage { Id = 0x1234, Opcode = DnsOpcode.Update, Questions = [new DnsQuestion("example.test", DnsType.Soa)] });

        var (signed, mac) = TsigSigner.Sign(unsigned, Key, Now);

        byte[] digested = [.. unsigned, .. Variables];
        var expectedMac = HMACSHA256.HashData(Convert.FromBase64String(Secret), digested);
        mac.Should().Equal(expectedMac);
        var decoded = DnsMessageCodec.Decode(signed);
        decoded.Additionals.Should().ContainSingle();
        decoded.Tsig!.Name.Should().Be("acme-key.");
        decoded.Tsig.Class.Should().Be(DnsClass.Any);
        var tsig = (TsigRecordData)decoded.Tsig.Data;
        tsig.Should().BeEquivalentTo(new { Algorithm = "hmac-sha256.", TimeSigned, Fudge = (ushort)300, OriginalId = (ushort)0x1234, Error = DnsRcode.NoError });
        tsig.Mac.ToArray().Should().Equal(expectedMac);
        signed[..10].Should().Equal(unsigned[..10]);
        signed[10..12].Should().Equal(0, 1);
        signed[12..unsigned.Length].Should().Equal(unsigned[12..]);
    }

    [Fact]
    public void Verify_accepts_a_response_signed_over_the_request_MAC()
    {
        byte[] requestMac = [5, 6, 7, 8];
        var (response, offset, decoded) = SignedResponse(requestMac, Secret, TimeSigned);

        TsigSigner.Verify(response, decoded, offset, Key, requestMac, Now).Should().Be(DnsRcode.NoError);
    }

    [Fact]
    public void Verify_rejects_a_response_signed_with_another_secret() =>
        Verify(Convert.ToBase64String(Encoding.ASCII.GetBytes("another secret")), TimeSigned, Now).Should().Be(DnsRcode.BadSig);

    [Fact]
    public void Verify_rejects_a_response_signed_for_another_request()
    {
        var (response, offset, decoded) = SignedResponse([5, 6, 7, 8], Secret, TimeSigned);

        TsigSigner.Verify(response, decoded, offset, Key, [1, 1, 1, 1], Now).Should().Be(DnsRcode.BadSig);
    }

    [Fact]
    public void Verify_rejects_a_response_outside_the_fudge_window() =>
        Verify(Secret, TimeSigned, Now.AddSeconds(301)).Should().Be(DnsRcode.BadTime);

    [Fact]
    public void Verify_reports_the_error_the_server_put_in_an_unsigned_TSIG()
    {
        var response = new DnsMessage
        {
            Id = 1,
            IsResponse = true,
            Rcode = DnsRcode.NotAuth,
            Additionals = [new DnsRecord("acme-key.", DnsType.Tsig, DnsClass.Any, 0, Unsigned(1) with { Error = DnsRcode.BadKey })],
        };
        var bytes = DnsMessageCodec.Encode(response);
        var decoded = DnsMessageCodec.Decode(bytes, out var offset);

        TsigSigner.Verify(bytes, decoded, offset, Key, [1], Now).Should().Be(DnsRcode.BadKey);
    }

    private static DnsRcode Verify(string signingSecret, ulong timeSigned, DateTimeOffset now)
    {
        byte[] requestMac = [5, 6, 7, 8];
        var (response, offset, decoded) = SignedResponse(requestMac, signingSecret, timeSigned);
        return TsigSigner.Verify(response, decoded, offset, Key, requestMac, now);
    }

    // Plays the server: MAC over request MAC + response (without TSIG) + variables, computed from the hand-written layout.
    private static (byte[] Bytes, int TsigOffset, DnsMessage Decoded) SignedResponse(byte[] requestMac, string secret, ulong timeSigned)
    {
        var response = new DnsMessage { Id = 0x4321, IsResponse = true, Opcode = DnsOpcode.Update, Questions = [new DnsQuestion("example.test.", DnsType.Soa)] };
        var unsigned = DnsMessageCodec.Encode(response);
        var variables = Variables.ToArray();
        variables[^10] = (byte)(timeSigned >> 24);
        variables[^9] = (byte)(timeSigned >> 16);
        variables[^8] = (byte)(timeSigned >> 8);
        variables[^7] = (byte)timeSigned;
        byte[] digested = [0, (byte)requestMac.Length, .. requestMac, .. unsigned, .. variables];
        var mac = HMACSHA256.HashData(Convert.FromBase64String(secret), digested);
        var tsig = new DnsRecord("acme-key.", DnsType.Tsig, DnsClass.Any, 0, Unsigned(0x4321) with { TimeSigned = timeSigned, Mac = mac });
        var bytes = DnsMessageCodec.Encode(response with { Additionals = [tsig] });
        var decoded = DnsMessageCodec.Decode(bytes, out var offset);
        return (bytes, offset, decoded);
    }

    private static TsigRecordData Unsigned(ushort originalId) =>
        new("hmac-sha256.", TimeSigned, TsigSigner.Fudge, ReadOnlyMemory<byte>.Empty, originalId, DnsRcode.NoError, ReadOnlyMemory<byte>.Empty);
}
