using System.Text.Json.Nodes;
using CertOperator.Acme.Solvers;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Events;

namespace CertOperator.Acme.Challenges;

/// <summary>The finalizer that holds a Challenge until its solver resources (Pods, Ingresses, TXT records) are gone.</summary>
internal sealed class ChallengeFinalizer(KubernetesClient kube, ChallengeSolvers solvers, EventRecorder events)
{
    public const string Name = "finalizer.acme.cert-manager.io";

    public static bool Holds(Challenge challenge) => challenge.Metadata.Finalizers?.Contains(Name) == true;

    /// <summary>
    /// True once presenting may have begun: `processing` is stored before the solver is called and `presented` after,
    /// so either one means a record, Pod, Service or Ingress may exist.
    /// </summary>
    public static bool MayHaveSolverResources(Challenge challenge) => challenge.Status is { Presented: true } or { Processing: true };

    public async Task AddAsync(Challenge challenge, CancellationToken ct) =>
        await SetAsync(challenge, [.. challenge.Metadata.Finalizers ?? [], Name], ct);

    /// <summary>Cleans up (best effort when the issuer is gone) and lets the Challenge go.</summary>
    public async Task ReleaseAsync(Challenge challenge, IIssuerObject? issuer, CancellationToken ct)
    {
        if (!Holds(challenge))
        {
            return;
        }

        if (issuer is not null && MayHaveSolverResources(challenge))
        {
            try
            {
                await solvers.For(challenge).CleanUpAsync(challenge, issuer, ct);
            }
            catch (Exception e) when (SolverFailure.Covers(e) && challenge.Status?.Presented != true)
            {
                // Presenting never finished, most often for the same fault that now stops the clean-up (a zone the
                // provider does not know, a missing Ingress): holding the Challenge for it would block its deletion for good.
                await events.RecordAsync(challenge, EventType.Warning, "CleanUpError",
                    $"Error cleaning up challenge: {e.Message}; released, as presenting never finished", ct);
            }
        }

        solvers.Release(challenge);
        await SetAsync(challenge, [.. challenge.Metadata.Finalizers!.Where(f => f != Name)], ct);
    }

    /// <summary>Writes the finalizer list guarded by resourceVersion, so a concurrent change is never lost.</summary>
    private async Task SetAsync(Challenge challenge, List<string> finalizers, CancellationToken ct)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = challenge.Metadata.ResourceVersion,
                ["finalizers"] = new JsonArray([.. finalizers.Select(f => JsonValue.Create(f))]),
            },
        };
        try
        {
            await kube.PatchAsync<Challenge>(challenge.Metadata.NamespaceProperty, challenge.Metadata.Name!, Patch.Merge(patch), ct);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            // Already gone.
        }
    }
}
