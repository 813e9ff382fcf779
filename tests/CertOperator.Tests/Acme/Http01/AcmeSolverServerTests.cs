using System.Net;
using CertOperator.Acme.Http01;
using CertOperator.Testing.Processes;

namespace CertOperator.Tests.Acme.Http01;

public sealed class AcmeSolverServerTests
{
    private static readonly AcmeSolverSettings Settings = new(8089, "example.com", "tok", "tok.thumb");

    public static TheoryData<string, string, string, string, string, string?> Cases => new()
    {
        { "token path on the domain", "example.com", "GET", "example.com", "/.well-known/acme-challenge/tok", "tok.thumb" },
        { "host compared ignoring case", "example.com", "GET", "EXAMPLE.com", "/.well-known/acme-challenge/tok", "tok.thumb" },
        { "empty domain accepts any host", "", "GET", "10.0.0.7", "/.well-known/acme-challenge/tok", "tok.thumb" },
        { "other host", "example.com", "GET", "other.com", "/.well-known/acme-challenge/tok", null },
        { "subdomain is another host", "example.com", "GET", "www.example.com", "/.well-known/acme-challenge/tok", null },
        { "other token", "example.com", "GET", "example.com", "/.well-known/acme-challenge/nope", null },
        { "token prefix only", "example.com", "GET", "example.com", "/.well-known/acme-challenge/to", null },
        { "token with a suffix", "example.com", "GET", "example.com", "/.well-known/acme-challenge/tok/x", null },
        { "token case matters", "example.com", "GET", "example.com", "/.well-known/acme-challenge/TOK", null },
        { "other path", "example.com", "GET", "example.com", "/", null },
        { "POST", "example.com", "POST", "example.com", "/.well-known/acme-challenge/tok", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Answers_only_the_token_on_the_domain(string name, string domain, string method, string host, string path, string? expected)
    {
        AcmeSolverServer.Answer(Settings with { Domain = domain }, method, host, path).Should().Be(expected, name);
    }

    [Fact]
    public async Task Serves_the_key_over_http_and_404_otherwise()
    {
        var port = FreePort.Next();
        await using var app = AcmeSolverServer.Build(Settings with { ListenPort = port });
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var right = await SendAsync(http, "example.com:8089", "/.well-known/acme-challenge/tok");
        var wrongToken = await SendAsync(http, "example.com", "/.well-known/acme-challenge/other");
        var wrongHost = await SendAsync(http, "evil.com", "/.well-known/acme-challenge/tok");
        var otherPath = await SendAsync(http, "example.com", "/healthz");

        right.StatusCode.Should().Be(HttpStatusCode.OK);
        (await right.Content.ReadAsStringAsync()).Should().Be("tok.thumb");
        right.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        wrongToken.StatusCode.Should().Be(HttpStatusCode.NotFound);
        wrongHost.StatusCode.Should().Be(HttpStatusCode.NotFound);
        otherPath.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await app.StopAsync();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string host, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return http.SendAsync(request);
    }
}
