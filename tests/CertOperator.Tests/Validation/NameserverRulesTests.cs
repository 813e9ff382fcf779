using CertOperator.Validation;

namespace CertOperator.Tests.Validation;

/// <summary>cert-manager's nameserver_test.go: what an RFC 2136 nameserver may look like, and the port it gets.</summary>
public sealed class NameserverRulesTests
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "IPv4 with no port should return port 53", "8.8.8.8", "8.8.8.8:53" },
        { "IPv4 with : but no port number should return port 53", "8.8.8.8:", "8.8.8.8:53" },
        { "IPv4 with port number should return the same", "8.8.8.8:5353", "8.8.8.8:5353" },
        { "IPv6 with no port should return port 53", "[2001:db8::1]", "[2001:db8::1]:53" },
        { "IPv6 with : but no port number should return port 53", "[2001:db8::1]:", "[2001:db8::1]:53" },
        { "IPv6 with port number should return the same", "[2001:db8::1]:5353", "[2001:db8::1]:5353" },
        { "DNS name with no port should return port 53", "nameserver.com", "nameserver.com:53" },
        { "DNS name with : but no port number should return port 53", "nameserver.com:", "nameserver.com:53" },
        { "DNS name with port number should return the same", "nameserver.com:5353", "nameserver.com:5353" },
        { "surrounding spaces are trimmed", " 10.0.0.53:53 ", "10.0.0.53:53" },
        { "Non unenclosed IPv6 should error", "2001:db8::1:5353", null },
        { "Port only should error", ":53", null },
        { "Empty nameserver should error", "", null },
        { "unclosed bracket should error", "[2001:db8::1:53", null },
        { "port that is not a number should error", "ns.example.com:dns", null },
        { "port above 65535 should error", "ns.example.com:70000", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Nameserver(string name, string nameserver, string? expected) =>
        NameserverRules.Normalize(nameserver).Should().Be(expected, name);
}
