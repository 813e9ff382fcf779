namespace CertOperator.Dns.Tests;

public class NameserverAddressTests
{
    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1", 53)]
    [InlineData("10.0.0.1:5353", "10.0.0.1", 5353)]
    [InlineData("ns1.example.com", "ns1.example.com", 53)]
    [InlineData("ns1.example.com:54", "ns1.example.com", 54)]
    [InlineData("[2001:db8::1]", "2001:db8::1", 53)]
    [InlineData("[2001:db8::1]:5353", "2001:db8::1", 5353)]
    [InlineData("2001:db8::1", "2001:db8::1", 53)]
    public void Parses_cert_manager_nameserver_values(string value, string host, int port) =>
        NameserverAddress.Parse(value).Should().Be(new NameserverAddress(host, port));

    [Theory]
    [InlineData("10.0.0.1:0")]
    [InlineData("10.0.0.1:70000")]
    [InlineData("10.0.0.1:dns")]
    [InlineData("[2001:db8::1")]
    [InlineData("[2001:db8::1]53")]
    [InlineData("2001:db8::zz")]
    [InlineData("not a host:abc")]
    [InlineData("not a host")]
    [InlineData("bad_host!:53")]
    public void Rejects_malformed_values(string value)
    {
        var parse = () => NameserverAddress.Parse(value);

        parse.Should().Throw<FormatException>().WithMessage($"*'{value}'*");
    }

    [Fact]
    public void Formats_IPv6_in_brackets() => new NameserverAddress("::1", 53).ToString().Should().Be("[::1]:53");
}
