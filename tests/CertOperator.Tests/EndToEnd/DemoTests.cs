using CertOperator.Testing;

namespace CertOperator.Tests.EndToEnd;

/// <summary>The README's first command, run as a user would run it.</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task Demo_ends_with_a_ready_certificate_and_prints_it()
    {
        var result = await ExternalCommand.RunAsync("bash", [RepoPaths.Combine("scripts", "demo.sh")], RepoPaths.Root, TimeSpan.FromMinutes(6));

        result.ExitCode.Should().Be(0, result.StdOut + result.StdErr);
        result.StdOut.Should().Contain("Ready=True");
        result.StdOut.Should().MatchRegex(@"certificate\.cert-manager\.io/demo\s+True\s+demo-tls\s+letsencrypt-demo");
        result.StdOut.Should().Contain("SANs:     www.example.test, *.dns.example.test");
        result.StdOut.Should().Contain("issuer:   CN=Pebble Intermediate CA");
    }
}
