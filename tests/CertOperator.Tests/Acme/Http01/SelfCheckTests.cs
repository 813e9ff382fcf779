using System.Net;
using System.Net.Sockets;
using CertOperator.Acme.Http01;
using CertOperator.Testing;
using CertOperator.Testing.Processes;

namespace CertOperator.Tests.Acme.Http01;

public sealed class SelfCheckTests : IAsyncLifetime
{
    private readonly int _port = FreePort.Next();
    private Microsoft.AspNetCore.Builder.WebApplication _solver = null!;

    public static TheoryData<string, string, string, string?> Cases => new()
    {
        { "the key is served", "tok-123", "tok-123.thumbprint", null },
        { "another token gets 404", "other", "other.thumbprint", "wrong status code '404', expected '200'" },
        { "the wrong key", "tok-123", "tok-123.other", "did not get expected response when querying endpoint, expected 'tok-123.other' but got: tok-123.thumbprint" },
    };

    public async Task InitializeAsync()
    {
        _solver = AcmeSolverServer.Build(new AcmeSolverSettings(_port, "example.com", "tok-123", "tok-123.thumbprint"));
        await _solver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _solver.StopAsync();
        await _solver.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fetches_the_path_with_the_domain_as_Host(string name, string token, string key, string? expected)
    {
        using var http = new HttpClient();
        var options = new Http01Options { SelfCheckHost = "127.0.0.1", SelfCheckPort = _port };

        var result = await SelfCheck.RunAsync(http, options, Http01Gen.Challenge(token: token, key: key), TimeProvider.System, CancellationToken.None);

        result.Should().Be(expected, name);
    }

    [Fact]
    public async Task Connection_errors_are_reported_with_the_url()
    {
        using var http = new HttpClient();
        var unused = FreePort.Next();
        var options = new Http01Options { SelfCheckHost = "127.0.0.1", SelfCheckPort = unused };

        var result = await SelfCheck.RunAsync(http, options, Http01Gen.Challenge(), TimeProvider.System, CancellationToken.None);

        result.Should().StartWith($"failed to perform self check GET request 'http://127.0.0.1:{unused}/.well-known/acme-challenge/tok-123': ");
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_after_five_seconds_on_the_clock()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var clock = new FakeTimeProvider();
        using var http = new HttpClient();
        var options = new Http01Options { SelfCheckHost = "127.0.0.1", SelfCheckPort = port };

        var check = SelfCheck.RunAsync(http, options, Http01Gen.Challenge(), clock, CancellationToken.None);
        using var accepted = await silent.AcceptTcpClientAsync();
        clock.Advance(TimeSpan.FromSeconds(4));
        var early = check.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(1));
        var result = await check.WaitAsync(TimeSpan.FromSeconds(10));

        early.Should().BeFalse("the timeout is five seconds");
        result.Should().EndWith("no response within 5s");
    }
}
