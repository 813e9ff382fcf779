using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using CertOperator.Acme.Model;
using CertOperator.Acme.Tests.Support;
using CertOperator.Testing;

namespace CertOperator.Acme.Tests.Unit;

/// <summary>Each request has a deadline on the client's clock; a server that never answers costs one timeout, not several.</summary>
public sealed class RequestTimeoutTests : IDisposable
{
    private readonly TcpListener _tarpit = new(IPAddress.Loopback, 0);
    private readonly FakeAcmeServer _server = new();

    public RequestTimeoutTests() => _tarpit.Start();

    [Fact]
    public async Task A_server_that_accepts_and_never_answers_times_out_once_after_the_request_timeout()
    {
        var clock = new FakeTimeProvider();
        var directoryUrl = new Uri($"https://127.0.0.1:{((IPEndPoint)_tarpit.LocalEndpoint).Port}/dir");
        using var key = AcmeAccountKey.Create();
        using var client = AcmeClientFactory.Create(new AcmeClientOptions { DirectoryUrl = directoryUrl, AccountKey = key, TimeProvider = clock });

        var fetch = client.GetDirectoryAsync(CancellationToken.None);
        using var accepted = await _tarpit.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(14));
        var early = fetch.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(1));
        var failure = await FluentActions.Awaiting(() => fetch.WaitAsync(TimeSpan.FromSeconds(10))).Should().ThrowAsync<AcmeTimeoutException>();

        early.Should().BeFalse("the default request timeout is 15 seconds");
        failure.Which.RequestUrl.Should().Be(directoryUrl);
        failure.Which.Method.Should().Be("GET");
        failure.Which.Timeout.Should().Be(TimeSpan.FromSeconds(15));
        _tarpit.Pending().Should().BeFalse("a timeout is not retried");
    }

    [Fact]
    public async Task A_caller_cancellation_is_not_reported_as_a_timeout()
    {
        var clock = new FakeTimeProvider();
        var directoryUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_tarpit.LocalEndpoint).Port}/dir");
        using var key = AcmeAccountKey.Create();
        using var client = AcmeClientFactory.Create(new AcmeClientOptions { DirectoryUrl = directoryUrl, AccountKey = key, TimeProvider = clock });
        using var caller = new CancellationTokenSource();

        var fetch = client.GetDirectoryAsync(caller.Token);
        using var accepted = await _tarpit.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await caller.CancelAsync();

        await FluentActions.Awaiting(() => fetch.WaitAsync(TimeSpan.FromSeconds(10))).Should().ThrowAsync<OperationCanceledException>("the caller cancelled; the server was not slow");
        _tarpit.Pending().Should().BeFalse();
    }

    [Fact]
    public async Task A_refused_tls_certificate_is_not_retried_and_its_cause_is_the_message()
    {
        _server.On("new-order", _ => throw new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established, see inner exception.",
            new AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot")));
        using var client = _server.CreateClient(TimeProvider.System);

        var act = () => client.CreateOrderAsync(new AcmeOrderRequest { Identifiers = [AcmeIdentifier.Dns("a.example.test")] }, CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<AcmeConnectionException>()).Which;
        failure.HttpRequestError.Should().Be(HttpRequestError.SecureConnectionError);
        failure.RequestUrl.Should().Be(new Uri(FakeAcmeServer.Base, "new-order"));
        failure.Cause.Should().Be("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot");
        failure.Message.Should().Be("POST https://acme.test/new-order failed: " + failure.Cause);
        _server.Requests.Count(r => r.Url.AbsolutePath == "/new-order").Should().Be(1);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_and_then_reported_with_the_url()
    {
        _server.On("new-order", _ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection reset by peer"));
        using var client = _server.CreateClient(TimeProvider.System, maxRetries: 2);

        var act = () => client.CreateOrderAsync(new AcmeOrderRequest { Identifiers = [AcmeIdentifier.Dns("a.example.test")] }, CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<AcmeConnectionException>()).Which;
        failure.Message.Should().Be("POST https://acme.test/new-order failed: Connection reset by peer");
        _server.Requests.Count(r => r.Url.AbsolutePath == "/new-order").Should().Be(3);
    }

    public void Dispose()
    {
        _tarpit.Stop();
        _tarpit.Dispose();
        _server.Dispose();
    }
}
