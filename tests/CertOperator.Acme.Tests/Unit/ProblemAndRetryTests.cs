using System.Net;
using CertOperator.Acme.Http;
using CertOperator.Acme.Model;
using CertOperator.Acme.Tests.Support;
using CertOperator.Testing;

namespace CertOperator.Acme.Tests.Unit;

public sealed class ProblemAndRetryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeAcmeServer _server = new();
    private readonly AcmeOrderRequest _order = new() { Identifiers = [AcmeIdentifier.Dns("a.example.test")] };

    [Fact]
    public async Task A_problem_document_becomes_one_typed_exception_with_subproblems()
    {
        _server.OnJson("new-order", HttpStatusCode.BadRequest, """
            {"type":"urn:ietf:params:acme:error:rejectedIdentifier","detail":"Some identifiers were rejected","status":400,
             "subproblems":[{"type":"urn:ietf:params:acme:error:malformed","detail":"Invalid underscore","identifier":{"type":"dns","value":"_x.example.test"}},
                            {"type":"urn:ietf:params:acme:error:rejectedIdentifier","detail":"Policy forbids","identifier":{"type":"dns","value":"bad.example.test"}}]}
            """);
        using var client = _server.CreateClient(new FakeTimeProvider(Now));

        var act = () => client.CreateOrderAsync(_order, CancellationToken.None);

        var problem = (await act.Should().ThrowAsync<AcmeProblemException>()).Which;
        problem.Type.Should().Be("urn:ietf:params:acme:error:rejectedIdentifier");
        problem.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem.Subproblems.Select(s => s.Identifier!.Value).Should().Equal("_x.example.test", "bad.example.test");
        problem.Message.Should().Contain("Policy forbids");
    }

    [Fact]
    public async Task RateLimited_is_surfaced_at_once_with_its_retry_after_as_delta_seconds()
    {
        _server.OnJson("new-order", HttpStatusCode.TooManyRequests, """{"type":"urn:ietf:params:acme:error:rateLimited","detail":"too many"}""",
            r => r.Headers.TryAddWithoutValidation("Retry-After", "3600"));
        using var client = _server.CreateClient(new FakeTimeProvider(Now));

        var act = () => client.CreateOrderAsync(_order, CancellationToken.None);

        var problem = (await act.Should().ThrowAsync<AcmeProblemException>()).Which;
        problem.IsRateLimited.Should().BeTrue();
        problem.RetryAfter.Should().Be(Now.AddHours(1));
        _server.Requests.Count(r => r.Url.AbsolutePath == "/new-order").Should().Be(1, "rateLimited is never retried before its Retry-After");
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_absolute()
    {
        _server.OnJson("new-order", HttpStatusCode.TooManyRequests, """{"type":"urn:ietf:params:acme:error:rateLimited"}""",
            r => r.Headers.TryAddWithoutValidation("Retry-After", "Sun, 01 Mar 2026 18:30:00 GMT"));
        using var client = _server.CreateClient(new FakeTimeProvider(Now));

        var act = () => client.CreateOrderAsync(_order, CancellationToken.None);

        (await act.Should().ThrowAsync<AcmeProblemException>()).Which.RetryAfter.Should().Be(new DateTimeOffset(2026, 3, 1, 18, 30, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("120", 120)]
    [InlineData("0", 0)]
    [InlineData("Sun, 01 Mar 2026 12:05:00 GMT", 300)]
    public void Retry_after_parser_handles_both_forms(string header, int expectedSeconds) =>
        RetryAfterParser.Parse(header, Now).Should().Be(Now.AddSeconds(expectedSeconds));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    public void Retry_after_parser_ignores_junk(string? header) => RetryAfterParser.Parse(header, Now).Should().BeNull();

    [Fact]
    public async Task BadNonce_is_retried_with_the_nonce_from_the_error_response()
    {
        _server.OnJson("new-order", HttpStatusCode.BadRequest, """{"type":"urn:ietf:params:acme:error:badNonce"}""");
        _server.On("new-order", _ => OrderResponse());
        using var client = _server.CreateClient();

        var order = await client.CreateOrderAsync(_order, CancellationToken.None);

        order.Status.Should().Be(AcmeStatus.Pending);
        var posts = _server.Requests.Where(r => r.Url.AbsolutePath == "/new-order").ToList();
        posts.Should().HaveCount(2);
        var rejected = posts[0].ProtectedHeader["nonce"]!.GetValue<string>();
        var retried = posts[1].ProtectedHeader["nonce"]!.GetValue<string>();
        retried.Should().NotBe(rejected);
        retried.Should().Be(_server.IssuedNonces.First(n => n.Path == "new-order").Nonce, "the retry uses the badNonce response's Replay-Nonce");
        _server.NewNonceCalls.Should().Be(0, "nonces come from earlier responses, never an extra new-nonce round trip");
    }

    [Fact]
    public async Task BadNonce_retries_are_bounded()
    {
        _server.OnJson("new-order", HttpStatusCode.BadRequest, """{"type":"urn:ietf:params:acme:error:badNonce"}""");
        using var client = _server.CreateClient();

        var act = () => client.CreateOrderAsync(_order, CancellationToken.None);

        (await act.Should().ThrowAsync<AcmeProblemException>()).Which.Type.Should().Be(AcmeErrors.BadNonce);
        _server.Requests.Count(r => r.Url.AbsolutePath == "/new-order").Should().Be(AcmeTransport.MaxBadNonceRetries + 1);
    }

    [Fact]
    public async Task Transient_5xx_and_network_faults_are_retried_then_succeed()
    {
        _server.On("new-order", _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        _server.On("new-order", _ => throw new HttpRequestException("connection reset"));
        _server.On("new-order", _ => OrderResponse());
        var log = new RecordingLogger();
        using var client = _server.CreateClient(TimeProvider.System, logger: log);

        var order = await client.CreateOrderAsync(_order, CancellationToken.None);

        order.Url.Should().Be(new Uri(FakeAcmeServer.Base, "order/1"));
        _server.Requests.Count(r => r.Url.AbsolutePath == "/new-order").Should().Be(3);
        log.Messages.Where(m => m.Contains("failed transiently", StringComparison.Ordinal))
            .Should().HaveCount(2).And.OnlyContain(m => m.Contains("https://acme.test/new-order", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Persistent_5xx_gives_up_after_the_bounded_attempts()
    {
        _server.On("new-order", _ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>") });
        using var client = _server.CreateClient(TimeProvider.System, maxRetries: 2);

        var act = () => client.CreateOrderAsync(_order, CancellationToken.None);

        (await act.Should().ThrowAsync<AcmeProblemException>()).Which.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        _server.Requests.Count(r => r.Url.AbsolutePath == "/new-order").Should().Be(3);
    }

    [Fact]
    public async Task A_503_asking_for_a_long_wait_is_surfaced_instead_of_retried()
    {
        _server.OnJson("new-order", HttpStatusCode.ServiceUnavailable, """{"type":"urn:ietf:params:acme:error:serverInternal"}""",
            r => r.Headers.TryAddWithoutValidation("Retry-After", "600"));
        using var client = _server.CreateClient(new FakeTimeProvider(Now));

        var act = () => client.CreateOrderAsync(_order, CancellationToken.None);

        (await act.Should().ThrowAsync<AcmeProblemException>()).Which.RetryAfter.Should().Be(Now.AddMinutes(10));
        _server.Requests.Count(r => r.Url.AbsolutePath == "/new-order").Should().Be(1);
    }

    [Fact]
    public async Task Oversized_certificate_chains_are_refused()
    {
        var huge = new string('A', 300 * 1024);
        _server.On("cert/1", _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(huge) });
        using var client = _server.CreateClient();

        var act = () => client.DownloadCertificateAsync(new Uri(FakeAcmeServer.Base, "cert/1"), null, CancellationToken.None);

        (await act.Should().ThrowAsync<AcmeProblemException>()).Which.Message.Should().Contain("262144-byte limit");
    }

    [Fact]
    public async Task Every_request_carries_the_user_agent_and_the_directory_is_fetched_once()
    {
        _server.On("new-order", _ => OrderResponse());
        using var client = _server.CreateClient();

        await client.CreateOrderAsync(_order, CancellationToken.None);
        await client.CreateOrderAsync(_order, CancellationToken.None);

        _server.Requests.Should().OnlyContain(r => r.UserAgent.StartsWith("CertOperator/", StringComparison.Ordinal));
        _server.Requests.Count(r => r.Url.AbsolutePath == "/dir").Should().Be(1);
    }

    [Fact]
    public async Task The_cached_directory_is_refetched_after_twelve_hours()
    {
        var time = new FakeTimeProvider(Now);
        using var client = _server.CreateClient(time);

        await client.GetDirectoryAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromHours(11));
        await client.GetDirectoryAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromHours(2));
        await client.GetDirectoryAsync(CancellationToken.None);

        _server.Requests.Count(r => r.Url.AbsolutePath == "/dir").Should().Be(2);
    }

    internal static HttpResponseMessage OrderResponse()
    {
        var response = FakeAcmeServer.Json(HttpStatusCode.Created, """
            {"status":"pending","identifiers":[{"type":"dns","value":"a.example.test"}],
             "authorizations":["https://acme.test/authz/1"],"finalize":"https://acme.test/order/1/finalize"}
            """);
        response.Headers.Location = new Uri(FakeAcmeServer.Base, "order/1");
        return response;
    }

    public void Dispose() => _server.Dispose();
}
