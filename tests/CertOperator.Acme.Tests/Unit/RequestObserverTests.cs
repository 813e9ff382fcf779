using System.Collections.Concurrent;
using System.Net;
using CertOperator.Acme.Model;
using CertOperator.Acme.Tests.Support;
using CertOperator.Testing;

namespace CertOperator.Acme.Tests.Unit;

/// <summary>
/// What the metrics hook sees: every HTTP request, nonce and directory fetches included, labelled with the
/// operation under way under cert-manager's action names, and 999 when no answer came.
/// </summary>
public sealed class RequestObserverTests : IDisposable
{
    private readonly FakeAcmeServer _server = new();
    private readonly Recorder _observed = new();

    [Fact]
    public async Task A_directory_fetch_carries_the_operation_it_serves()
    {
        _server.On("new-order", _ => ProblemAndRetryTests.OrderResponse());
        using var client = _server.CreateClient(observer: _observed);

        await client.CreateOrderAsync(new AcmeOrderRequest { Identifiers = [AcmeIdentifier.Dns("a.example.test")] }, CancellationToken.None);

        _observed.Requests.Select(r => (r.Method, r.Url.AbsolutePath, r.Action, r.StatusCode)).Should().Equal(
            ("GET", "/dir", "authorize_order", 200),
            ("POST", "/new-order", "authorize_order", 201));
    }

    public static TheoryData<string, Func<IAcmeClient, Task>> Operations => new()
    {
        { "discover", c => c.GetDirectoryAsync(CancellationToken.None) },
        { "register_account", c => c.EnsureAccountAsync(new AcmeAccountRequest { TermsOfServiceAgreed = true }, CancellationToken.None) },
        { "get_registration", c => c.LookupAccountAsync(CancellationToken.None) },
        { "update_registration", c => c.UpdateContactAsync(["mailto:a@example.test"], CancellationToken.None) },
        { "get_order", c => c.GetOrderAsync(new Uri(FakeAcmeServer.Base, "order/1"), CancellationToken.None) },
        { "get_authorization", c => c.GetAuthorizationAsync(new Uri(FakeAcmeServer.Base, "authz/1"), CancellationToken.None) },
        { "accept_challenge", c => c.AcceptChallengeAsync(new Uri(FakeAcmeServer.Base, "chall/1"), CancellationToken.None) },
        { "fetch_cert", c => c.DownloadCertificateAsync(new Uri(FakeAcmeServer.Base, "cert/1"), null, CancellationToken.None) },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_operation_is_labelled_with_cert_managers_action_name(string action, Func<IAcmeClient, Task> operation)
    {
        using var client = _server.CreateClient(observer: _observed);

        try
        {
            await operation(client);
        }
        catch (AcmeProblemException)
        {
            // The fake server answers unscripted paths with 404; the label is what this test is about.
        }

        _observed.Requests.Should().NotBeEmpty().And.OnlyContain(r => r.Action == action && r.Url.Authority == "acme.test" && r.Url.Scheme == "https");
    }

    [Fact]
    public async Task A_request_without_an_answer_is_reported_with_status_999()
    {
        _server.On("order/1", _ => throw new HttpRequestException(HttpRequestError.SecureConnectionError, "untrusted certificate"));
        using var client = _server.CreateClient(new FakeTimeProvider(), observer: _observed);

        var act = () => client.GetOrderAsync(new Uri(FakeAcmeServer.Base, "order/1"), CancellationToken.None);

        await act.Should().ThrowAsync<AcmeConnectionException>();
        _observed.Requests[^1].Should().Match<AcmeRequestObservation>(r =>
            r.Action == "get_order" && r.Method == "POST" && r.StatusCode == AcmeRequestObservation.NoResponse && r.Duration >= TimeSpan.Zero);
    }

    [Fact]
    public async Task An_operation_does_not_leak_its_name_to_the_caller()
    {
        using var client = _server.CreateClient(observer: _observed);

        await client.GetDirectoryAsync(CancellationToken.None);

        AcmeActions.Current.Should().BeNull("the next request this flow makes belongs to no operation yet");
    }

    public void Dispose() => _server.Dispose();

    private sealed class Recorder : IAcmeRequestObserver
    {
        private readonly ConcurrentQueue<AcmeRequestObservation> _requests = new();

        public IReadOnlyList<AcmeRequestObservation> Requests => [.. _requests];

        public void RequestCompleted(AcmeRequestObservation request) => _requests.Enqueue(request);
    }
}
