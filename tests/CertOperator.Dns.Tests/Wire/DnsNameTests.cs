using CertOperator.Dns.Wire;

namespace CertOperator.Dns.Tests.Wire;

public class DnsNameTests
{
    [Theory]
    [InlineData("example.com", "example.com.")]
    [InlineData("example.com.", "example.com.")]
    [InlineData(" a.b. ", "a.b.")]
    [InlineData(".", ".")]
    public void Absolute_adds_the_root_dot(string name, string expected) => DnsName.Absolute(name).Should().Be(expected);

    [Theory]
    [InlineData("_acme-challenge.example.com.", "example.com.")]
    [InlineData("com.", ".")]
    [InlineData(".", null)]
    public void Parent_drops_the_first_label(string name, string? expected) => DnsName.Parent(name).Should().Be(expected);

    [Fact]
    public void Names_compare_case_insensitively() => DnsName.AreEqual("Example.COM", "example.com.").Should().BeTrue();
}
