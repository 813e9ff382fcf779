using System.Text;
using CertOperator.Acme.Solvers;
using CertOperator.CertificateRequests;
using CertOperator.Certificates;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Orders;
using CertOperator.Crds.WellKnown;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Acme.Orders;

/// <summary>
/// The ACME side of a CertificateRequest: one Order per request (same name, owned by it), whose
/// outcome becomes the request's. Progress lives in the Order, so a restart resumes it.
/// </summary>
internal sealed class AcmeRequestHandler(
    SharedInformerFactory informers, KubernetesClient kube, SignedPayloadMemo<Order> payloads, EventRecorder events, CertificateStore certificates, OperatorOptions options)
{
    /// <summary>What the request should say now: signed chain, still pending (message), or failed (message).</summary>
    public sealed record Progress(string? CertificatePem, string? PendingMessage, string? FailureMessage);

    public async Task<Progress> ProgressAsync(CertificateRequest request, IIssuerObject issuer, CancellationToken ct)
    {
        var order = informers.GetInformer<Order>().Store.Find(ObjectKey.Of(request));
        if (order is null)
        {
            var created = BuildOrder(request, issuer, options.FeatureGates.AcmeUseAri ? await ReplacesAsync(request, ct) : null);
            if (created.Error is { } error)
            {
                return new(null, null, error.Message);
            }

            try
            {
                await kube.CreateAsync(created.Value!, ct);
                await events.RecordAsync(request, EventType.Normal, "OrderCreated", $"Created Order resource {request.Metadata.NamespaceProperty}/{request.Metadata.Name}", ct);
            }
            catch (KubernetesApiException e) when (e.IsAlreadyExists)
            {
                // Created before a restart; the cache will catch up.
            }

            return new(null, $"Created Order resource {request.Metadata.NamespaceProperty}/{request.Metadata.Name}", null);
        }

        var signed = order.Status?.State == AcmeStates.Valid ? await SignedAsync(order, ct) : null;
        return order.Status?.State switch
        {
            AcmeStates.Valid when signed is not null => new(Encoding.ASCII.GetString(Convert.FromBase64String(signed.Chain)), null, null),
            AcmeStates.Invalid or AcmeStates.Errored or AcmeStates.Expired => new(null, null,
                $"Failed to wait for order resource \"{order.Metadata.Name}\" to become ready: order is in \"{order.Status!.State}\" state: {order.Status.Reason}"),
            var state => new(null, $"Waiting on certificate issuance from order {order.Metadata.NamespaceProperty}/{order.Metadata.Name}: \"{state ?? "pending"}\""
                + (order.Status?.Reason is { Length: > 0 } reason ? $": {reason}" : "") + Blockers(order), null),
        };
    }

    /// <summary>
    /// The chain of a valid order. The cache drops it from a finished one: then it comes from the write that stored it in
    /// this process if that is the version cached, else from the server, once.
    /// </summary>
    private async Task<SignedPayload?> SignedAsync(Order order, CancellationToken ct) => order.IsPayloadTrimmed()
        ? await payloads.TakeAsync(order, ct) ?? SignedPayload.Of(await kube.TryGetAsync<Order>(order.Metadata.NamespaceProperty, order.Metadata.Name!, ct))
        : SignedPayload.Of(order);

    /// <summary>What each unfinished Challenge of the order is waiting for, so the request (and its Certificate) says why it is stuck.</summary>
    private string Blockers(Order order) => string.Concat(informers.GetInformer<Challenge>().Store.List()
        .Where(c => c.Metadata.NamespaceProperty == order.Metadata.NamespaceProperty && OrderChallenges.IsOwnedBy(c, order)
            && c.Status?.State != AcmeStates.Valid && c.Status?.Reason is { Length: > 0 })
        .OrderBy(c => c.Spec.DnsName, StringComparer.Ordinal)
        .Select(c => $"; challenge for {c.Spec.DnsName}: {c.Status!.Reason}"));

    /// <summary>
    /// As cert-manager: the ARI identifier of the certificate now in the Secret of the request's Certificate, which this
    /// issuance renews; null for a first issuance or a Secret without a valid certificate.
    /// </summary>
    private async Task<string?> ReplacesAsync(CertificateRequest request, CancellationToken ct) =>
        request.Metadata.Annotations?.GetOrDefault(CertManagerAnnotations.CertificateName) is { Length: > 0 } name
        && certificates.Find(new ObjectKey(request.Metadata.NamespaceProperty, name)) is { } certificate
            ? await certificates.CurrentAriIdAsync(certificate, ct)
            : null;

    private static PkiResult<Order> BuildOrder(CertificateRequest request, IIssuerObject issuer, string? replaces)
    {
        var csrPem = Encoding.ASCII.GetString(Convert.FromBase64String(request.Spec.Request));
        var decoded = CsrContents.Decode(csrPem);
        if (!decoded.Ok)
        {
            return decoded.Error!;
        }

        var csr = decoded.Value!;
        return new Order
        {
            Metadata = new V1ObjectMeta
            {
                Name = request.Metadata.Name,
                NamespaceProperty = request.Metadata.NamespaceProperty,
                Labels = request.Metadata.Labels is { } labels ? new Dictionary<string, string>(labels) : null,
                Annotations = SolverOverrides.Carry(request.Metadata.Annotations.OrEmpty()),
                OwnerReferences = [Owners.ControllerReference(request)],
            },
            Spec = new OrderSpec
            {
                Request = request.Spec.Request,
                IssuerRef = new IssuerReference { Name = request.Spec.IssuerRef.Name, Kind = request.Spec.IssuerRef.Kind, Group = request.Spec.IssuerRef.Group },
                CommonName = csr.CommonName,
                DnsNames = csr.Names.DnsNames.Count > 0 ? [.. csr.Names.DnsNames] : null,
                IpAddresses = csr.Names.IpAddresses.Count > 0 ? [.. csr.Names.IpAddresses] : null,
                Duration = issuer.Spec.Acme!.EnableDurationFeature == true ? request.Spec.Duration : null,
                Profile = issuer.Spec.Acme.Profile,
                Replaces = replaces,
            },
        };
    }
}
