using System.Net;
using System.Security.Cryptography.X509Certificates;
using CertOperator.Acme;
using CertOperator.Acme.Model;
using CertOperator.Acme.Orders;
using CertOperator.Crds.Orders;
using Microsoft.Extensions.Logging.Abstractions;
using AcmeAuthorization = CertOperator.Acme.Model.AcmeAuthorization;
using AcmeChallenge = CertOperator.Acme.Model.AcmeChallenge;

namespace CertOperator.Tests.Acme.Orders;

/// <summary>newOrder's "replaces" (RFC 9773 §5) as cert-manager 1.21 sends it, and the one retry without it.</summary>
public sealed class ReplacingOrdersTests
{
    private const string CertId = "aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE";

    public static TheoryData<string, bool, string?, bool, string?> ReplacesCases => new()
    {
        { "ARI on, server offers renewalInfo", true, CertId, true, CertId },
        { "ARI off", false, CertId, true, null },
        { "server without renewalInfo", true, CertId, false, null },
        { "a first issuance replaces nothing", true, null, true, null },
        { "empty spec.replaces", true, "", true, null },
    };

    [Theory]
    [MemberData(nameof(ReplacesCases))]
    public async Task Replaces_is_sent_only_with_ARI_on_and_a_server_that_offers_it(string name, bool acmeUseAri, string? specReplaces, bool offersRenewalInfo, string? expected)
    {
        using var client = new OrderingClient { OffersRenewalInfo = offersRenewalInfo };
        var order = new Order { Metadata = new() { Name = "web-1", NamespaceProperty = "default" }, Spec = new OrderSpec { Replaces = specReplaces } };

        (await ReplacingOrders.ReplacesAsync(order, acmeUseAri, client, CancellationToken.None)).Should().Be(expected, name);
    }

    [Fact]
    public async Task The_order_carries_replaces()
    {
        using var client = new OrderingClient();

        var order = await ReplacingOrders.CreateAsync(client, Request(CertId), NullLogger.Instance, "default/web-1", CancellationToken.None);

        client.Sent.Should().Equal(CertId);
        order.Replaces.Should().Be(CertId);
    }

    [Fact]
    public async Task An_alreadyReplaced_refusal_is_retried_once_without_replaces()
    {
        using var client = new OrderingClient();
        client.Refusals.Enqueue(AcmeErrors.AlreadyReplaced);

        var order = await ReplacingOrders.CreateAsync(client, Request(CertId), NullLogger.Instance, "default/web-1", CancellationToken.None);

        client.Sent.Should().Equal(CertId, null);
        order.Replaces.Should().BeNull();
    }

    [Fact]
    public async Task Other_refusals_and_a_second_refusal_are_not_retried()
    {
        using var malformed = new OrderingClient();
        malformed.Refusals.Enqueue(AcmeErrors.Malformed);
        using var twice = new OrderingClient();
        twice.Refusals.Enqueue(AcmeErrors.AlreadyReplaced);
        twice.Refusals.Enqueue(AcmeErrors.AlreadyReplaced);
        using var none = new OrderingClient();
        none.Refusals.Enqueue(AcmeErrors.AlreadyReplaced);

        await FluentActions.Awaiting(() => ReplacingOrders.CreateAsync(malformed, Request(CertId), NullLogger.Instance, "o", CancellationToken.None))
            .Should().ThrowAsync<AcmeProblemException>().Where(e => e.Type == AcmeErrors.Malformed);
        await FluentActions.Awaiting(() => ReplacingOrders.CreateAsync(twice, Request(CertId), NullLogger.Instance, "o", CancellationToken.None))
            .Should().ThrowAsync<AcmeProblemException>().Where(e => e.Type == AcmeErrors.AlreadyReplaced);
        await FluentActions.Awaiting(() => ReplacingOrders.CreateAsync(none, Request(null), NullLogger.Instance, "o", CancellationToken.None))
            .Should().ThrowAsync<AcmeProblemException>();

        malformed.Sent.Should().Equal(CertId);
        twice.Sent.Should().Equal(CertId, null);
        none.Sent.Should().Equal([null]);
    }

    private static AcmeOrderRequest Request(string? replaces) => new() { Identifiers = [AcmeIdentifier.Dns("example.com")], Replaces = replaces };

    /// <summary>Records what each newOrder asked to replace; refuses with the queued problem types first.</summary>
    private sealed class OrderingClient : IAcmeClient
    {
        public bool OffersRenewalInfo { get; init; } = true;

        public Queue<string> Refusals { get; } = new();

        public List<string?> Sent { get; } = [];

        public Uri? AccountUrl => null;

        public Task<AcmeDirectory> GetDirectoryAsync(CancellationToken cancellationToken) => Task.FromResult(new AcmeDirectory
        {
            NewNonce = new Uri("https://acme.example/nonce"),
            NewAccount = new Uri("https://acme.example/account"),
            NewOrder = new Uri("https://acme.example/order"),
            RenewalInfo = OffersRenewalInfo ? new Uri("https://acme.example/renewal-info") : null,
        });

        public Task<AcmeOrder> CreateOrderAsync(AcmeOrderRequest request, CancellationToken cancellationToken)
        {
            Sent.Add(request.Replaces);
            if (Refusals.TryDequeue(out var type))
            {
                throw new AcmeProblemException(new AcmeProblem { Type = type, Detail = "refused" }, HttpStatusCode.Conflict, null);
            }

            return Task.FromResult(new AcmeOrder
            {
                Status = AcmeStatus.Pending,
                Identifiers = request.Identifiers,
                Authorizations = [],
                Finalize = new Uri("https://acme.example/finalize/1"),
                Replaces = request.Replaces,
            });
        }

        public Task<AcmeAccount> EnsureAccountAsync(AcmeAccountRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<AcmeAccount?> LookupAccountAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<AcmeAccount> UpdateContactAsync(IReadOnlyList<string> contact, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ChangeKeyAsync(AcmeAccountKey newKey, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<AcmeOrder> GetOrderAsync(Uri orderUrl, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<AcmeAuthorization> GetAuthorizationAsync(Uri authorizationUrl, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<AcmeChallenge> AcceptChallengeAsync(Uri challengeUrl, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<AcmeOrder> FinalizeAsync(AcmeOrder order, ReadOnlyMemory<byte> csrDer, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<AcmeCertificateChain> DownloadCertificateAsync(Uri certificateUrl, string? preferredChainIssuer, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task RevokeCertificateAsync(ReadOnlyMemory<byte> certificateDer, RevocationReason? reason, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<AcmeRenewalInfo?> GetRenewalInfoAsync(X509Certificate2 certificate, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<AcmeRenewalInfo?> GetRenewalInfoAsync(string certificateId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public string KeyAuthorization(string token) => throw new NotSupportedException();

        public string Dns01TxtValue(string token) => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
