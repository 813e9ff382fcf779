using System.Security.Cryptography;
using System.Text;
using CertOperator.Acme.Solvers;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Orders;
using CertOperator.Infrastructure;
using CertOperator.Issuers;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Acme.Orders;

/// <summary>The Challenge objects of an Order: one per authorization the CA left pending, named after it.</summary>
internal sealed class OrderChallenges(SharedInformerFactory informers, KubernetesClient kube, IssuerLookup lookup, EventRecorder events)
{
    /// <summary>The Challenge name for an authorization: stable, so a restart finds rather than duplicates it.</summary>
    public static string NameFor(Order order, string authorizationUrl) =>
        ObjectNames.Derive(order.Metadata.Name!, "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(authorizationUrl)))[..10]);

    /// <summary>
    /// Creates missing Challenges; true once every authorization is decided (all valid, or one failed),
    /// i.e. when the CA's view of the order is worth fetching.
    /// </summary>
    public async Task<bool> EnsureAsync(Order order, IAcmeClient client, CancellationToken ct)
    {
        var store = informers.GetInformer<Challenge>().Store;
        var decided = true;
        foreach (var authz in order.Status!.Authorizations ?? [])
        {
            if (authz.InitialState == AcmeStates.Valid)
            {
                continue;
            }

            var name = NameFor(order, authz.Url);
            if (store.Find(new ObjectKey(order.Metadata.NamespaceProperty, name)) is { } existing)
            {
                if (existing.Status?.State == AcmeStates.Invalid)
                {
                    return true;
                }

                decided &= existing.Status?.State == AcmeStates.Valid;
                continue;
            }

            decided = false;
            if (!await CreateAsync(order, authz, name, client, ct))
            {
                return true;
            }
        }

        return decided;
    }

    /// <summary>Why the order's failed Challenges failed, for the Order's reason.</summary>
    public string FailureReason(Order order)
    {
        var failed = informers.GetInformer<Challenge>().Store.List()
            .Where(c => c.Metadata.NamespaceProperty == order.Metadata.NamespaceProperty && IsOwnedBy(c, order) && c.Status?.State == AcmeStates.Invalid)
            .Select(c => $"{c.Spec.DnsName}: {c.Status!.Reason}");
        return string.Join("; ", failed);
    }

    public async Task DeleteAllAsync(Order order, CancellationToken ct)
    {
        foreach (var challenge in informers.GetInformer<Challenge>().Store.List().Where(c => c.Metadata.NamespaceProperty == order.Metadata.NamespaceProperty && IsOwnedBy(c, order)))
        {
            if (challenge.Metadata.DeletionTimestamp is null)
            {
                await kube.TryDeleteAsync<Challenge>(challenge.Metadata.NamespaceProperty, challenge.Metadata.Name!, ct: ct);
            }
        }
    }

    public static bool IsOwnedBy(Challenge challenge, Order order) =>
        challenge.Metadata.OwnerReferences?.Any(o => o.Uid == order.Metadata.Uid) == true;

    /// <returns>False when no configured solver can answer the authorization (the order then fails).</returns>
    private async Task<bool> CreateAsync(Order order, AcmeAuthorization authz, string name, IAcmeClient client, CancellationToken ct)
    {
        var issuer = lookup.Find(order.Spec.IssuerRef, order.Metadata.NamespaceProperty)!;
        var offered = (authz.Challenges ?? []).Select(c => c.Type).ToList();
        var choice = SolverSelection.Select(issuer.Spec.Acme!.Solvers ?? [], authz.Identifier ?? "", authz.Wildcard == true, order.Metadata.Labels.OrEmpty(), offered);
        if (choice is null)
        {
            await StatusWriter.UpdateStatusAsync(kube, order, o =>
            {
                o.Status!.State = AcmeStates.Errored;
                o.Status.Reason = $"no configured challenge solvers can be used for {authz.Identifier} (offered: {string.Join(", ", offered)}); add a matching entry to spec.acme.solvers";
                return true;
            }, ct);
            return false;
        }

        var acmeChallenge = authz.Challenges!.First(c => c.Type == choice.ChallengeType);
        var challenge = new Challenge
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = order.Metadata.NamespaceProperty,
                Labels = order.Metadata.Labels is { } labels ? new Dictionary<string, string>(labels) : null,
                OwnerReferences = [Owners.ControllerReference(order)],
            },
            Spec = new ChallengeSpec
            {
                Url = acmeChallenge.Url,
                AuthorizationUrl = authz.Url,
                DnsName = authz.Identifier ?? "",
                Wildcard = authz.Wildcard,
                Type = choice.ChallengeType == SolverSelection.Http01 ? "HTTP-01" : "DNS-01",
                Token = acmeChallenge.Token,
                Key = choice.ChallengeType == SolverSelection.Http01 ? client.KeyAuthorization(acmeChallenge.Token) : client.Dns01TxtValue(acmeChallenge.Token),
                Solver = SolverOverrides.Apply(choice.Solver, order.Metadata.Annotations.OrEmpty(), order.Metadata.NamespaceProperty),
                IssuerRef = new IssuerReference { Name = order.Spec.IssuerRef.Name, Kind = order.Spec.IssuerRef.Kind, Group = order.Spec.IssuerRef.Group },
            },
        };
        try
        {
            await kube.CreateAsync(challenge, ct);
            await events.RecordAsync(order, EventType.Normal, "Created", $"Created Challenge resource \"{name}\" for domain \"{challenge.Spec.DnsName}\"", ct);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            // Made before a restart; the cache catches up.
        }

        return true;
    }
}
