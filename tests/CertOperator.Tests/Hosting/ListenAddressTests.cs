using System.Net;
using CertOperator.Hosting;
using Microsoft.Extensions.Logging;

namespace CertOperator.Tests.Hosting;

/// <summary>cert-manager's listen-address flag values and klog verbosities, as `run` reads them.</summary>
public sealed class ListenAddressTests
{
    [Theory]
    [InlineData("0.0.0.0:9402", "0.0.0.0:9402")]
    [InlineData(":9403", "0.0.0.0:9403")]
    [InlineData("127.0.0.1:8080", "127.0.0.1:8080")]
    [InlineData("localhost:8080", "127.0.0.1:8080")]
    [InlineData("[::]:9402", "[::]:9402")]
    public void Host_and_port_become_an_endpoint(string value, string expected)
    {
        ListenAddress.TryParse(value, out var endpoint, out var error).Should().BeTrue(error);

        endpoint.Should().Be(IPEndPoint.Parse(expected));
    }

    [Fact]
    public void Zero_switches_the_listener_off()
    {
        ListenAddress.TryParse("0", out var endpoint, out _).Should().BeTrue();

        endpoint.Should().BeNull();
    }

    [Theory]
    [InlineData("9402", "is not host:port")]
    [InlineData("0.0.0.0:0", "port from 1 to 65535")]
    [InlineData("0.0.0.0:70000", "port from 1 to 65535")]
    [InlineData("metrics.local:9402", "\"metrics.local\" is not an IP address")]
    public void Anything_else_is_refused_with_the_reason(string value, string reason)
    {
        ListenAddress.TryParse(value, out _, out var error).Should().BeFalse();

        error.Should().Contain(reason);
    }

    [Theory]
    [InlineData(0, LogLevel.Error)]
    [InlineData(1, LogLevel.Warning)]
    [InlineData(2, LogLevel.Information)]
    [InlineData(3, LogLevel.Information)]
    [InlineData(4, LogLevel.Debug)]
    [InlineData(5, LogLevel.Trace)]
    [InlineData(9, LogLevel.Trace)]
    public void Klog_verbosity_maps_to_a_minimum_log_level(int verbosity, LogLevel level) =>
        LogVerbosity.ToLevel(verbosity).Should().Be(level);
}
