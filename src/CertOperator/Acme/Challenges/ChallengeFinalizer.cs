using System.Text.Json.Nodes;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Kubernetes.Client;

namespace CertOperator.Acme.Challenges;

/// <summary>The finalizer that holds a Challenge until its solver resources (Pods, Ingresses, TXT records) are gone.</summary>
internal sealed class ChallengeFinalizer(KubernetesClient kube, ChallengeSolvers solvers)
{
    public const string Name = "finalizer.acme.cert-manager.io";

    public static bool Holds(Challenge challenge) => challenge.Metadata.Finalizers?.Contains(Name) == true;

    public async Task AddAsync(Challenge challenge, CancellationToken ct) =>
        await SetAsync(challenge, [.. challenge.Metadata.Finalizers ?? [], Name], ct);

    /// <summary>Cleans up (best effort when the issuer is gone) and lets the Challenge go.</summary>
    public async Task ReleaseAsync(Challenge challenge, IIssuerObject? issuer, CancellationToken ct)
    {
        if (!Holds(challenge))
        {
            return;
        }

        if (issuer is not null && challenge.Status?.Presented == true)
        {
            await solvers.For(challenge).CleanUpAsync(challenge, issuer, ct);
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
