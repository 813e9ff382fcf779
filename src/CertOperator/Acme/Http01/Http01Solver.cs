using CertOperator.Acme.Solvers;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using Microsoft.Extensions.Logging;

namespace CertOperator.Acme.Http01;

/// <summary>
/// HTTP-01 through an Ingress or a Gateway, as cert-manager does: a solver Pod and Service per challenge, routed by
/// a new Ingress, a path added to an existing one, or an HTTPRoute; all owned by the Challenge so deleting it cleans up too.
/// </summary>
internal sealed partial class Http01Solver(
    KubernetesClient client, Http01Options options, HttpClient selfCheckClient, TimeProvider time, ILogger<Http01Solver> logger) : IChallengeSolver
{
    public async Task PresentAsync(Challenge challenge, IIssuerObject issuer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var config = SolverResources.IngressConfig(challenge);
        var route = config is null ? SolverResources.HttpRoute(challenge, options) : null;
        await EnsureAsync(challenge, SolverResources.Pod(challenge, options), ct).ConfigureAwait(false);
        await EnsureAsync(challenge, SolverResources.Service(challenge, options), ct).ConfigureAwait(false);
        if (route is not null)
        {
            await EnsureHttpRouteAsync(challenge, route, ct).ConfigureAwait(false);
        }
        else if (string.IsNullOrEmpty(config!.Name))
        {
            await EnsureAsync(challenge, SolverResources.Ingress(challenge, options), ct).ConfigureAwait(false);
        }
        else
        {
            await EditIngressAsync(challenge, config.Name, ingress => SolverResources.AddChallengePath(ingress, challenge, options), required: true, ct).ConfigureAwait(false);
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            LogPresented(challenge.Metadata.NamespaceProperty, challenge.Metadata.Name, SolverResources.Name(challenge));
        }
    }

    public Task<string?> CheckAsync(Challenge challenge, IIssuerObject issuer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return SelfCheck.RunAsync(selfCheckClient, options, challenge, time, ct);
    }

    public async Task CleanUpAsync(Challenge challenge, IIssuerObject issuer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        await DeleteOwnedAsync<Pod>(challenge, ct).ConfigureAwait(false);
        await DeleteOwnedAsync<Service>(challenge, ct).ConfigureAwait(false);
        await DeleteOwnedAsync<Ingress>(challenge, ct).ConfigureAwait(false);
        if (challenge.Spec.Solver.Http01?.GatewayHttpRoute is not null)
        {
            // Only then: without the Gateway API CRDs installed, listing HTTPRoutes is a 404.
            await DeleteOwnedAsync<HttpRoute>(challenge, ct).ConfigureAwait(false);
        }

        if (challenge.Spec.Solver.Http01?.Ingress?.Name is { Length: > 0 } edited)
        {
            await EditIngressAsync(challenge, edited, ingress => SolverResources.RemoveChallengePath(ingress, challenge), required: false, ct).ConfigureAwait(false);
        }

        LogCleanedUp(challenge.Metadata.NamespaceProperty, challenge.Metadata.Name);
    }

    /// <summary>Creates the object unless one with this challenge's labels and owner exists; a create race is fine.</summary>
    private async Task EnsureAsync<T>(Challenge challenge, T desired, CancellationToken ct)
        where T : class, IKubernetesObject<T>
    {
        var existing = await client.ListAsync<T>(challenge.Metadata.NamespaceProperty, new ListOptions { LabelSelector = SolverResources.LabelSelector(challenge) }, ct).ConfigureAwait(false);
        if (existing.Items.Any(o => SolverResources.IsOwnedBy(o, challenge)))
        {
            return;
        }

        try
        {
            await client.CreateAsync(desired, ct).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            LogAlreadyExists(T.Resource.Kind, desired.Metadata.Name);
        }
    }

    /// <summary>
    /// Creates the HTTPRoute, or brings this challenge's one back to the spec and labels it needs with a merge patch
    /// (so fields the slim view does not model survive); extra routes for the challenge are deleted, as cert-manager does.
    /// </summary>
    private async Task EnsureHttpRouteAsync(Challenge challenge, HttpRoute desired, CancellationToken ct)
    {
        var existing = await client.ListAsync<HttpRoute>(challenge.Metadata.NamespaceProperty, new ListOptions { LabelSelector = SolverResources.LabelSelector(challenge) }, ct).ConfigureAwait(false);
        var owned = existing.Items.Where(o => SolverResources.IsOwnedBy(o, challenge)).OrderBy(o => o.Metadata.Name != desired.Metadata.Name).ToList();
        foreach (var extra in owned.Skip(1))
        {
            await client.TryDeleteAsync<HttpRoute>(challenge.Metadata.NamespaceProperty, extra.Metadata.Name!, ct: ct).ConfigureAwait(false);
        }

        if (owned.Count == 0)
        {
            await EnsureAsync(challenge, desired, ct).ConfigureAwait(false);
            return;
        }

        var current = owned[0];
        if (!SolverResources.HttpRouteInSync(current, challenge, options))
        {
            await client.PatchAsync<HttpRoute>(current.Metadata.NamespaceProperty, current.Metadata.Name!, Patch.Merge(SolverResources.HttpRoutePatch(current, desired)), ct).ConfigureAwait(false);
            LogRouteUpdated(current.Metadata.NamespaceProperty, current.Metadata.Name);
        }
    }

    private async Task DeleteOwnedAsync<T>(Challenge challenge, CancellationToken ct)
        where T : class, IKubernetesObject<T>
    {
        var existing = await client.ListAsync<T>(challenge.Metadata.NamespaceProperty, new ListOptions { LabelSelector = SolverResources.LabelSelector(challenge) }, ct).ConfigureAwait(false);
        foreach (var owned in existing.Items.Where(o => SolverResources.IsOwnedBy(o, challenge)))
        {
            if (!await client.TryDeleteAsync<T>(challenge.Metadata.NamespaceProperty, owned.Metadata.Name!, ct: ct).ConfigureAwait(false))
            {
                LogAlreadyGone(T.Resource.Kind, owned.Metadata.Name);
            }
        }
    }

    /// <summary>Read-modify-write of the user's Ingress; the read's resourceVersion makes a concurrent edit a 409 and a retry.</summary>
    private Task EditIngressAsync(Challenge challenge, string name, Func<Ingress, bool> edit, bool required, CancellationToken ct) =>
        ConflictRetry.RetryOnConflictAsync(
            async attemptCt =>
            {
                var ingress = await client.TryGetAsync<Ingress>(challenge.Metadata.NamespaceProperty, name, attemptCt).ConfigureAwait(false);
                if (ingress is null)
                {
                    if (required)
                    {
                        throw new InvalidOperationException(
                            $"Ingress '{name}' named in spec.solver.http01.ingress.name does not exist in namespace '{challenge.Metadata.NamespaceProperty}'; create it or unset name");
                    }

                    return;
                }

                if (edit(ingress))
                {
                    await client.ReplaceAsync(ingress, attemptCt).ConfigureAwait(false);
                }
            },
            timeProvider: time,
            ct: ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Presented HTTP-01 solver {Solver} for challenge {Namespace}/{Challenge}")]
    private partial void LogPresented(string? @namespace, string? challenge, string solver);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleaned up HTTP-01 solver for challenge {Namespace}/{Challenge}")]
    private partial void LogCleanedUp(string? @namespace, string? challenge);

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTPRoute {Namespace}/{Name} was out of date and is patched")]
    private partial void LogRouteUpdated(string? @namespace, string? name);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Solver {Kind} {Name} already exists")]
    private partial void LogAlreadyExists(string kind, string? name);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Solver {Kind} {Name} was already deleted")]
    private partial void LogAlreadyGone(string kind, string? name);
}
