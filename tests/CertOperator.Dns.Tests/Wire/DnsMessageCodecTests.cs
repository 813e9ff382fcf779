using System.Net;
using System.Text;
using CertOperator.Dns.Wire;

namespace CertOperator.Dns.Tests.Wire;

public class DnsMessageCodecTests
{
    private static readonly byte[] ExampleComAQuery =
    [
        0xAB, 0xCD, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        7, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e',
        3, (byte)'c', (byte)'o', (byte)'m', 0,
        0x00, 0x01, 0x00, 0x01,
    ];

    [Fact]
    public void Encodes_a_query_to_the_bytes_of_RFC_1035()
    {
        var query = new DnsMessage
        {
            Id = 0xABCD,
            RecursionDesired = true,
            Questions = [new DnsQuestion("example.com", DnsType.A)],
        };

        DnsMessageCodec.Encode(query).Should().Equal(ExampleComAQuery);
    }

    [Fact]
    public void Decodes_the_same_query()
    {
        var message = DnsMessageCodec.Decode(ExampleComAQuery);

        message.Id.Should().Be(0xABCD);
        message.RecursionDesired.Should().BeTrue();
        message.IsResponse.Should().BeFalse();
        message.Questions.Should().Equal(new DnsQuestion("example.com.", DnsType.A, DnsClass.In));
    }

    [Fact]
    public void Round_trips_every_modelled_record_type_and_the_header_flags()
    {
        var message = new DnsMessage
        {
            Id = 7,
            IsResponse = true,
            Opcode = DnsOpcode.Update,
            Authoritative = true,
            Truncated = true,
            RecursionAvailable = true,
            Rcode = DnsRcode.NotZone,
            Questions = [new DnsQuestion("example.test.", DnsType.Soa)],
            Answers =
            [
                new DnsRecord("example.test.", DnsType.A, DnsClass.In, 60, new AddressRecordData(IPAddress.Parse("192.0.2.1"))),
                new DnsRecord("example.test.", DnsType.Aaaa, DnsClass.In, 60, new AddressRecordData(IPAddress.Parse("2001:db8::1"))),
                new DnsRecord("example.test.", DnsType.Ns, DnsClass.In, 60, new NameRecordData("ns1.example.test.")),
                new DnsRecord("www.example.test.", DnsType.Cname, DnsClass.In, 60, new NameRecordData("example.test.")),
                new DnsRecord("example.test.", DnsType.Soa, DnsClass.In, 60, new SoaRecordData("ns1.example.test.", "hostmaster.example.test.", 1, 2, 3, 4, 5)),
            ],
            Authorities = [new DnsRecord("_acme-challenge.example.test.", DnsType.Txt, DnsClass.None, 0, new TxtRecordData(["one", "two"]))],
            Additionals =
            [
                new DnsRecord(".", DnsType.Opt, (DnsClass)1232, 0x8000, new RawRecordData(new byte[] { 0, 10, 0, 2, 0xCA, 0xFE })),
                new DnsRecord("acme-key.", DnsType.Tsig, DnsClass.Any, 0, new TsigRecordData("hmac-sha256.", 0x0001_2345_6789, 300, new byte[] { 1, 2, 3 }, 7, DnsRcode.BadTime, new byte[] { 0, 0, 0x65, 0x53, 0xF1, 0 })),
            ],
        };

        var bytes = DnsMessageCodec.Encode(message);
        var decoded = DnsMessageCodec.Decode(bytes);

        DnsMessageCodec.Encode(decoded).Should().Equal(bytes);
        decoded.Should().BeEquivalentTo(new { message.Id, message.IsResponse, message.Opcode, message.Authoritative, message.Truncated, message.RecursionAvailable, message.Rcode });
        decoded.Questions.Should().Equal(message.Questions);
        decoded.Answers.Should().Equal(message.Answers);
        ((TxtRecordData)decoded.Authorities[0].Data).Strings.Should().Equal("one", "two");
        decoded.Authorities[0].Class.Should().Be(DnsClass.None);
        decoded.Additionals[0].Class.Should().Be((DnsClass)1232);
        ((RawRecordData)decoded.Additionals[0].Data).Bytes.ToArray().Should().Equal(0, 10, 0, 2, 0xCA, 0xFE);
        var tsig = (TsigRecordData)decoded.Tsig!.Data;
        tsig.Should().BeEquivalentTo(new { Algorithm = "hmac-sha256.", TimeSigned = 0x0001_2345_6789UL, Fudge = (ushort)300, OriginalId = (ushort)7, Error = DnsRcode.BadTime });
        tsig.Mac.ToArray().Should().Equal(1, 2, 3);
        tsig.OtherData.ToArray().Should().Equal(0, 0, 0x65, 0x53, 0xF1, 0);
    }

    [Fact]
    public void Follows_compression_pointers_in_owner_names_and_rdata()
    {
        byte[] response =
        [
            0x00, 0x01, 0x81, 0x80, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00,
            .. ExampleComAQuery[12..],
            0xC0, 0x0C, 0x00, 0x05, 0x00, 0x01, 0x00, 0x00, 0x00, 0x3C, 0x00, 0x06, 3, (byte)'w', (byte)'w', (byte)'w', 0xC0, 0x0C,
            0xC0, 0x29, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x3C, 0x00, 0x04, 192, 0, 2, 7,
        ];

        var message = DnsMessageCodec.Decode(response);

        message.Answers[0].Data.Should().Be(new NameRecordData("www.example.com."));
        message.Answers[1].Name.Should().Be("www.example.com.");
        message.Answers[1].Data.Should().Be(new AddressRecordData(IPAddress.Parse("192.0.2.7")));
    }

    [Theory]
    [InlineData("pointer loop", new byte[] { 0, 1, 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 12, 0, 1, 0, 1 })]
    [InlineData("truncated header", new byte[] { 0, 1, 0x80 })]
    [InlineData("label past the end", new byte[] { 0, 1, 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 9, (byte)'a' })]
    [InlineData("rdata length mismatch", new byte[] { 0, 1, 0x80, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0 })]
    public void Rejects_malformed_messages(string because, byte[] bytes)
    {
        var decode = () => DnsMessageCodec.Decode(bytes);

        decode.Should().Throw<FormatException>(because);
    }

    [Fact]
    public void Splits_long_TXT_values_into_255_byte_strings_without_splitting_characters()
    {
        var ascii = TxtRecordData.FromValue(new string('a', 300));
        var multibyte = TxtRecordData.FromValue(new string('a', 254) + "é" + "b");

        ascii.Strings.Select(s => s.Length).Should().Equal(255, 45);
        multibyte.Strings.Select(s => Encoding.UTF8.GetByteCount(s)).Should().Equal(254, 3);
        multibyte.Value.Should().Be(new string('a', 254) + "éb");
    }

    [Fact]
    public void Round_trips_a_multi_string_TXT_record()
    {
        var record = new DnsRecord("t.example.test.", DnsType.Txt, DnsClass.In, 60, TxtRecordData.FromValue(new string('x', 600)));
        var message = new DnsMessage { Id = 1, Answers = [record] };

        var decoded = (TxtRecordData)DnsMessageCodec.Decode(DnsMessageCodec.Encode(message)).Answers[0].Data;

        decoded.Strings.Should().HaveCount(3);
        decoded.Value.Should().Be(new string('x', 600));
    }

    [Theory]
    [InlineData("label longer than 63 bytes", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.test")]
    [InlineData("empty label", "a..test")]
    public void Refuses_to_encode_invalid_names(string because, string name)
    {
        var encode = () => DnsMessageCodec.Encode(new DnsMessage { Id = 1, Questions = [new DnsQuestion(name, DnsType.A)] });

        encode.Should().Throw<ArgumentException>(because);
    }

    [Fact]
    public void Refuses_to_encode_names_longer_than_255_bytes()
    {
        var name = string.Join('.', Enumerable.Repeat(new string('a', 63), 4));

        var encode = () => DnsMessageCodec.Encode(new DnsMessage { Id = 1, Questions = [new DnsQuestion(name, DnsType.A)] });

        encode.Should().Throw<ArgumentException>();
    }
}
