namespace CertOperator.Dns.Tests.Tsig;

public class TsigKeyTests
{
    [Theory]
    [InlineData(null, "HMACMD5")]
    [InlineData("", "HMACMD5")]
    [InlineData("HMACMD5", "HMACMD5")]
    [InlineData("hmacsha1", "HMACSHA1")]
    [InlineData("HMACSHA256", "HMACSHA256")]
    [InlineData("HMACSHA512", "HMACSHA512")]
    [InlineData("hmac-sha256", "HMACSHA256")]
    [InlineData("hmac-md5.sig-alg.reg.int.", "HMACMD5")]
    [InlineData("hmac-md5", "HMACMD5")]
    public void Parses_cert_manager_and_wire_algorithm_names(string? name, string expected) =>
        TsigAlgorithm.Parse(name).CertManagerName.Should().Be(expected);

    [Fact]
    public void Rejects_unknown_algorithms_listing_the_supported_ones()
    {
        var parse = () => TsigAlgorithm.Parse("HMACSHA384");

        parse.Should().Throw<ArgumentException>().WithMessage("*HMACSHA384*HMACMD5, HMACSHA1, HMACSHA256, HMACSHA512*");
    }

    [Fact]
    public void Never_shows_the_secret()
    {
        var key = new TsigKey("acme-key", TsigAlgorithm.HmacSha256, "c3VwZXItc2VjcmV0");

        key.ToString().Should().Be("TSIG key 'acme-key' (HMACSHA256)").And.NotContain("c3VwZXItc2VjcmV0");
        new Rfc2136Options { Nameserver = "127.0.0.1", TsigKey = key }.ToString().Should().NotContain("c3VwZXItc2VjcmV0");
    }

    [Fact]
    public void Invalid_base64_secret_error_does_not_echo_it()
    {
        var create = () => new TsigKey("acme-key", TsigAlgorithm.HmacSha256, "not*base64!");

        create.Should().Throw<ArgumentException>().Which.Message.Should().Contain("tsigSecretSecretRef").And.NotContain("not*base64!");
    }
}
