using CertOperator.Kubernetes.Model;

namespace CertOperator.Testing.Kubelet;

/// <summary>
/// What an ingress or Gateway controller would check before sending a challenge request to a solver: an Ingress rule,
/// or an HTTPRoute attached to an existing Gateway, for the request's host and path whose backend is the solver's Service.
/// </summary>
public static class SolverRoutes
{
    public static bool IngressServes(Ingress ingress, string host, string path, string service)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        return (ingress.Spec.Rules ?? []).Any(rule => (rule.Host is null || rule.Host == host)
            && (rule.Http?.Paths ?? []).Any(p => PathMatches(p.PathType, p.Path, path) && p.Backend.Service?.Name == service));
    }

    public static bool HttpRouteServes(HttpRoute route, string host, string path, string service)
    {
        ArgumentNullException.ThrowIfNull(route);
        return (route.Spec.Hostnames is null or [] || route.Spec.Hostnames.Contains(host, StringComparer.Ordinal))
            && (route.Spec.Rules ?? []).Any(rule => (rule.Matches ?? []).Any(m => PathMatches(m.Path?.Type ?? "PathPrefix", m.Path?.Value ?? "/", path))
                && (rule.BackendRefs ?? []).Any(b => (b.Kind ?? "Service") == "Service" && string.IsNullOrEmpty(b.Group) && b.Name == service
                    && (b.Namespace ?? route.Metadata.NamespaceProperty) == route.Metadata.NamespaceProperty));
    }

    public static bool Selects(Service service, IReadOnlyDictionary<string, string> podLabels)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(podLabels);
        return service.Spec.Selector is { Count: > 0 } selector && selector.All(s => podLabels.TryGetValue(s.Key, out var v) && v == s.Value);
    }

    private static bool PathMatches(string? type, string? pattern, string path) => type switch
    {
        "Exact" => pattern == path,
        "Prefix" or "PathPrefix" => pattern is not null && (path == pattern || path.StartsWith(pattern.TrimEnd('/') + "/", StringComparison.Ordinal)),
        _ => pattern is not null && path.StartsWith(pattern, StringComparison.Ordinal),
    };
}
