using CertOperator.Acme.Model;
using CertOperator.Crds.Orders;
using Microsoft.Extensions.Logging;

namespace CertOperator.Acme.Orders;

/// <summary>
/// newOrder's RFC 9773 "replaces", as cert-manager 1.21 sends it with ACMEUseARI: only to a server whose directory
/// offers renewalInfo, and when the server refuses it as alreadyReplaced, the order is placed once more without it.
/// </summary>
internal static partial class ReplacingOrders
{
    /// <summary>The Order's spec.replaces when ARI is on and the server advertises renewalInfo, else null.</summary>
    public static async Task<string?> ReplacesAsync(Order order, bool acmeUseAri, IAcmeClient client, CancellationToken ct) =>
        acmeUseAri && order.Spec.Replaces is { Length: > 0 } replaces && (await client.GetDirectoryAsync(ct)).RenewalInfo is not null
            ? replaces
            : null;

    public static async Task<AcmeOrder> CreateAsync(IAcmeClient client, AcmeOrderRequest request, ILogger logger, string order, CancellationToken ct)
    {
        try
        {
            return await client.CreateOrderAsync(request, ct);
        }
        catch (AcmeProblemException e) when (request.Replaces is not null && e.Type == AcmeErrors.AlreadyReplaced)
        {
            Rejected(logger, order, e.Detail ?? e.Type);
            return await client.CreateOrderAsync(request with { Replaces = null }, ct);
        }
    }

    [LoggerMessage(LogLevel.Information, "ACME server rejected `replaces` for Order {Order}; retrying newOrder without it: {Problem}")]
    private static partial void Rejected(ILogger logger, string order, string problem);
}
