using System.Buffers.Text;
using CertOperator.Acme.Http;
using CertOperator.Acme.Model;
using CertOperator.Acme.Wire;

namespace CertOperator.Acme;

internal sealed partial class AcmeClient
{
    public async Task<AcmeOrder> CreateOrderAsync(AcmeOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        AcmeActions.Current = AcmeActions.AuthorizeOrder;
        var directory = await GetDirectoryAsync(cancellationToken).ConfigureAwait(false);
        var payload = new NewOrderPayload
        {
            Identifiers = request.Identifiers,
            Profile = request.Profile,
            Replaces = request.Replaces,
            NotBefore = request.NotBefore,
            NotAfter = request.NotAfter,
        };
        var response = await PostAsync(directory.NewOrder, payload, AcmeJsonContext.Default.NewOrderPayload, cancellationToken).ConfigureAwait(false);
        var order = ReadOrder(response, response.Location);
        Log.Order(_logger, order.Url, order.Status);
        return order;
    }

    public async Task<AcmeOrder> GetOrderAsync(Uri orderUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderUrl);
        AcmeActions.Current = AcmeActions.GetOrder;
        var response = await PostAsGetAsync(orderUrl, Json, JsonLimit, cancellationToken).ConfigureAwait(false);
        return ReadOrder(response, orderUrl);
    }

    public async Task<AcmeAuthorization> GetAuthorizationAsync(Uri authorizationUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorizationUrl);
        AcmeActions.Current = AcmeActions.GetAuthorization;
        var response = await PostAsGetAsync(authorizationUrl, Json, JsonLimit, cancellationToken).ConfigureAwait(false);
        return Read(response, AcmeJsonContext.Default.AcmeAuthorization) with { Url = authorizationUrl, RetryAfter = response.RetryAfter };
    }

    public async Task<AcmeChallenge> AcceptChallengeAsync(Uri challengeUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challengeUrl);
        AcmeActions.Current = AcmeActions.AcceptChallenge;
        var response = await PostAsync(challengeUrl, new EmptyPayload(), AcmeJsonContext.Default.EmptyPayload, cancellationToken).ConfigureAwait(false);
        return Read(response, AcmeJsonContext.Default.AcmeChallenge);
    }

    public async Task<AcmeOrder> FinalizeAsync(AcmeOrder order, ReadOnlyMemory<byte> csrDer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        AcmeActions.Current = AcmeActions.CreateOrderCert;
        var payload = new FinalizePayload { Csr = Base64Url.EncodeToString(csrDer.Span) };
        var response = await PostAsync(order.Finalize, payload, AcmeJsonContext.Default.FinalizePayload, cancellationToken).ConfigureAwait(false);
        var finalized = ReadOrder(response, order.Url ?? response.Location);
        Log.Order(_logger, finalized.Url, finalized.Status);
        return finalized;
    }

    private static AcmeOrder ReadOrder(AcmeResponse response, Uri? url) =>
        Read(response, AcmeJsonContext.Default.AcmeOrder) with { Url = url, RetryAfter = response.RetryAfter };
}
