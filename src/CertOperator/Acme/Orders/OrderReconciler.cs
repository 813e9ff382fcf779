using System.Net;
using System.Security.Cryptography;
using System.Text;
using CertOperator.Acme.Accounts;
using CertOperator.Acme.Model;
using CertOperator.CertificateRequests;
using CertOperator.Crds.Orders;
using CertOperator.Infrastructure;
using CertOperator.Issuers;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Informers;
using Microsoft.Extensions.Logging;

namespace CertOperator.Acme.Orders;

/// <summary>
/// Drives one ACME order: create it at the CA, keep one Challenge per pending authorization, finalize
/// when the CA says ready, download the chain, then remove the Challenges. Every step is recorded in
/// Order.status before the next, so a restart resumes where it stopped.
/// </summary>
internal sealed class OrderReconciler(
    SharedInformerFactory informers, KubernetesClient kube, IssuerLookup lookup, AcmeClientCache clients, OrderChallenges challenges, SignedPayloadMemo<Order> payloads,
    EventRecorder events, TimeProvider time, OperatorOptions options, ILogger<OrderReconciler> logger)
    : ConflictTolerantReconciler
{
    private static readonly TimeSpan ProcessingPoll = TimeSpan.FromMilliseconds(500);

    protected override async Task<ReconcileResult> ReconcileCoreAsync(ObjectKey key, CancellationToken ct)
    {
        if (informers.GetInformer<Order>().Store.Find(key) is not { Metadata.DeletionTimestamp: null } order)
        {
            return ReconcileResult.Done;
        }

        if (Order.IsFinished(order.Status?.State))
        {
            await challenges.DeleteAllAsync(order, ct);
            return ReconcileResult.Done;
        }

        if (lookup.Find(order.Spec.IssuerRef, order.Metadata.NamespaceProperty) is not { Spec.Acme: not null } issuer)
        {
            return ReconcileResult.Error($"ACME issuer {IssuerLookup.Describe(order.Spec.IssuerRef)} not found");
        }

        var account = await clients.GetAsync(issuer, mayGenerateKey: false, ct);
        if (account.Client is not { } client)
        {
            return ReconcileResult.Error(account.ProblemMessage!);
        }

        try
        {
            return order.Status?.Url is not { Length: > 0 } url
                ? await CreateAsync(order, client, ct)
                : await AdvanceAsync(order, issuer.Spec.Acme!.PreferredChain, client, new Uri(url), ct);
        }
        catch (AcmeProblemException e) when (e.IsRateLimited)
        {
            await events.RecordAsync(order, EventType.Warning, "RateLimited", e.Detail ?? e.Type, ct);
            return ReconcileResult.RequeueAfter(RetryDelay.Until(e.RetryAfter, time, TimeSpan.FromMinutes(5)));
        }
        catch (AcmeProblemException e) when (e.StatusCode is >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError)
        {
            await SetStateAsync(order, AcmeStates.Errored, $"{e.Type}: {e.Detail}", ct);
            return ReconcileResult.Done;
        }
        catch (Exception e) when (AcmeServerFailure.Covers(e))
        {
            // No answer, no connection or a server error decides nothing about the order: say why on it and retry with backoff.
            var reason = $"Will retry: {AcmeServerFailure.Describe(e, issuer.Spec.Acme!.Server)}";
            await SetReasonAsync(order, reason, ct);
            return ReconcileResult.Error(reason);
        }
    }

    private async Task<ReconcileResult> CreateAsync(Order order, IAcmeClient client, CancellationToken ct)
    {
        var identifiers = new List<AcmeIdentifier>();
        var names = (order.Spec.DnsNames ?? []).ToList();
        if (order.Spec.CommonName is { Length: > 0 } cn && !IPAddress.TryParse(cn, out _) && !names.Contains(cn, StringComparer.OrdinalIgnoreCase))
        {
            names.Add(cn);
        }

        identifiers.AddRange(names.Select(AcmeIdentifier.Dns));
        identifiers.AddRange((order.Spec.IpAddresses ?? []).Select(ip => AcmeIdentifier.Ip(IPAddress.Parse(ip))));
        var replaces = await ReplacingOrders.ReplacesAsync(order, options.FeatureGates.AcmeUseAri, client, ct);
        var request = new AcmeOrderRequest { Identifiers = identifiers, Profile = order.Spec.Profile, Replaces = replaces };
        var created = await ReplacingOrders.CreateAsync(client, request, logger, $"{order.Metadata.NamespaceProperty}/{order.Metadata.Name}", ct);

        var authorizations = new List<Crds.Orders.AcmeAuthorization>();
        foreach (var url in created.Authorizations)
        {
            var authz = await client.GetAuthorizationAsync(url, ct);
            authorizations.Add(new Crds.Orders.AcmeAuthorization
            {
                Url = url.ToString(),
                Identifier = authz.Identifier.Value,
                Wildcard = authz.Wildcard,
                InitialState = authz.Status,
                Challenges = [.. authz.Challenges.Select(c => new Crds.Orders.AcmeChallenge { Url = c.Url.ToString(), Token = c.Token ?? "", Type = c.Type })],
            });
        }

        await StatusWriter.UpdateStatusAsync(kube, order, o =>
        {
            o.Status ??= new OrderStatus();
            o.Status.Url = created.Url?.ToString();
            o.Status.FinalizeUrl = created.Finalize.ToString();
            o.Status.Authorizations = authorizations;
            o.Status.State = created.Status;
            o.Status.Reason = null;
            return true;
        }, ct);
        await events.RecordAsync(order, EventType.Normal, "Created", $"Created ACME order {created.Url}", ct);
        return ReconcileResult.Done;
    }

    private async Task<ReconcileResult> AdvanceAsync(Order order, string? preferredChain, IAcmeClient client, Uri url, CancellationToken ct)
    {
        if (order.Status!.State == AcmeStates.Pending && !await challenges.EnsureAsync(order, client, ct))
        {
            return ReconcileResult.Done;
        }

        var current = await client.GetOrderAsync(url, ct);
        switch (current.Status)
        {
            case AcmeStates.Ready:
                var finalized = await client.FinalizeAsync(current, CsrDer(order), ct);
                await SetStateAsync(order, finalized.Status, null, ct);
                return ReconcileResult.RequeueAfter(TimeSpan.Zero);
            case AcmeStates.Valid when current.Certificate is { } certificateUrl:
                var chain = await client.DownloadCertificateAsync(certificateUrl, preferredChain, ct);
                // Remembered, so the request reads the chain from this write's response instead of GETting it back.
                await payloads.WriteAsync(ObjectKey.Of(order), token => StatusWriter.UpdateStatusAsync(kube, order, o =>
                {
                    o.Status!.Certificate = Convert.ToBase64String(Encoding.ASCII.GetBytes(chain.Pem));
                    o.Status.State = AcmeStates.Valid;
                    o.Status.Reason = null;
                    return true;
                }, token), ct);
                await events.RecordAsync(order, EventType.Normal, "Complete", "Order completed successfully", ct);
                return ReconcileResult.Done;
            case AcmeStates.Invalid or AcmeStates.Expired:
                await SetStateAsync(order, current.Status, current.Error?.Detail ?? challenges.FailureReason(order), ct);
                return ReconcileResult.Done;
            case AcmeStates.Pending when challenges.FailureReason(order) is { Length: > 0 } failure:
                // A challenge we could not even attempt (e.g. a misconfigured solver) leaves the CA's order pending.
                await SetStateAsync(order, AcmeStates.Errored, failure, ct);
                return ReconcileResult.Done;
            default:
                await SetStateAsync(order, current.Status, null, ct);
                return current.Status == AcmeStates.Pending ? ReconcileResult.Done : ReconcileResult.RequeueAfter(RetryDelay.Until(current.RetryAfter, time, ProcessingPoll));
        }
    }

    /// <summary>spec.request holds the PEM CSR, base64-encoded like every []byte field in cert-manager's API.</summary>
    private static byte[] CsrDer(Order order)
    {
        var pem = Encoding.ASCII.GetString(Convert.FromBase64String(order.Spec.Request));
        return Convert.FromBase64String(pem[PemEncoding.Find(pem).Base64Data]);
    }

    private async Task SetReasonAsync(Order order, string reason, CancellationToken ct) =>
        await StatusWriter.UpdateStatusAsync(kube, order, o =>
        {
            o.Status ??= new OrderStatus();
            if (o.Status.Reason == reason)
            {
                return false;
            }

            o.Status.Reason = reason;
            return true;
        }, ct);

    private async Task SetStateAsync(Order order, string state, string? reason, CancellationToken ct)
    {
        var failed = state is AcmeStates.Invalid or AcmeStates.Errored or AcmeStates.Expired;
        await StatusWriter.UpdateStatusAsync(kube, order, o =>
        {
            if (o.Status!.State == state && o.Status.Reason == reason)
            {
                return false;
            }

            o.Status.State = state;
            o.Status.Reason = reason;
            o.Status.FailureTime = failed ? time.GetUtcNow() : o.Status.FailureTime;
            return true;
        }, ct);
        if (failed)
        {
            await events.RecordAsync(order, EventType.Warning, "Failed", $"Order is {state}: {reason}", ct);
        }
    }
}
