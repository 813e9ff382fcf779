using CertOperator.Dns.Propagation;

namespace CertOperator.Dns.Tests;

public class ResolvConfTests
{
    [Fact]
    public void Reads_nameserver_lines_and_brackets_IPv6()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# comment\nsearch example.com\nnameserver 10.0.0.2\nnameserver\tfd00::53\noptions ndots:5\n");

            ResolvConf.ReadNameservers(path).Should().Equal("10.0.0.2", "[fd00::53]");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_means_no_nameservers() =>
        ResolvConf.ReadNameservers("/nonexistent/resolv.conf").Should().BeEmpty();
}
