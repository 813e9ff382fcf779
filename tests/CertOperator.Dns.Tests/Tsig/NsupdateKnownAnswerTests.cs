using CertOperator.Dns.Tsig;
using CertOperator.Dns.Updates;
using CertOperator.Dns.Wire;

namespace CertOperator.Dns.Tests.Tsig;

/// <summary>
/// Byte-for-byte comparison with signed UPDATEs that bind's nsupdate sent (captured from a UDP listener with
/// <c>nsupdate -y ALG:acme-key:c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0</c>, "update add _acme-challenge.www.example.test. 60 TXT known-answer").
/// </summary>
public class NsupdateKnownAnswerTests
{
    private const string Secret = "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0";

    [Theory]
    [InlineData("hmac-md5", "dc4f28000001000000010001076578616d706c65047465737400000600010f5f61636d652d6368616c6c656e676503777777076578616d706c65047465737400001000010000003c000d0c6b6e6f776e2d616e737765720861636d652d6b65790000fa00ff00000000003a08686d61632d6d6435077369672d616c670372656703696e740000006b026054012c001002b26b778b86f2a3c6b1a2dfee3a32eadc4f00000000")]
    [InlineData("hmac-sha256", "dad428000001000000010001076578616d706c65047465737400000600010f5f61636d652d6368616c6c656e676503777777076578616d706c65047465737400001000010000003c000d0c6b6e6f776e2d616e737765720861636d652d6b65790000fa00ff00000000003d0b686d61632d7368613235360000006b026057012c0020a599df4ad90f68cb1de74900c14950b9e48707879be481186559998b48017304dad400000000")]
    public void Signed_update_matches_nsupdate_byte_for_byte(string algorithm, string capturedHex)
    {
        var captured = Convert.FromHexString(capturedHex);
        var tsig = (TsigRecordData)DnsMessageCodec.Decode(captured).Tsig!.Data;
        var key = new TsigKey("acme-key", TsigAlgorithm.Parse(algorithm), Secret);
        var update = UpdateMessage.ChangeTxt(tsig.OriginalId, "example.test", "_acme-challenge.www.example.test", DnsClass.In, 60, "known-answer");

        var (signed, _) = TsigSigner.Sign(DnsMessageCodec.Encode(update), key, DateTimeOffset.FromUnixTimeSeconds((long)tsig.TimeSigned));

        Convert.ToHexString(signed).Should().BeEquivalentTo(capturedHex);
    }
}
