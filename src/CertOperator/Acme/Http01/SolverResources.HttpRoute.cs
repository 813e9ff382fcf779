using System.Text.Json;
using System.Text.Json.Nodes;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Challenges;
using CertOperator.Kubernetes.Model;
using CertOperator.Validation;

namespace CertOperator.Acme.Http01;

internal static partial class SolverResources
{
    public const string PathMatchExact = "Exact";

    // The API server's defaults for a parentRef without group or kind; compared as set so a defaulted route is in sync.
    private const string GatewayGroup = "gateway.networking.k8s.io";
    private const string GatewayKind = "Gateway";

    /// <summary>
    /// The HTTPRoute for `http01.gatewayHTTPRoute`, as cert-manager's: attached to the configured parentRefs, for the
    /// domain (no hostname for an IP address, which routes cannot hold), an exact match on the challenge path to the
    /// solver Service; labelled with the solver labels and the config's labels (which win).
    /// </summary>
    public static HttpRoute HttpRoute(Challenge challenge, Http01Options options)
    {
        var config = GatewayHttpRouteConfig(challenge);
        return new HttpRoute
        {
            Metadata = Metadata(challenge, HttpRouteLabels(challenge), null),
            Spec = HttpRouteSpec(challenge, config, options),
        };
    }

    public static Dictionary<string, string> HttpRouteLabels(Challenge challenge) =>
        Merge(Labels(challenge), GatewayHttpRouteConfig(challenge).Labels);

    public static HttpRouteSpec HttpRouteSpec(Challenge challenge, AcmeChallengeSolverHttp01GatewayHttpRoute config, Http01Options options)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        return new HttpRouteSpec
        {
            ParentRefs = [.. (config.ParentRefs ?? []).Select(p => new ParentReference
            {
                Group = p.Group ?? GatewayGroup,
                Kind = p.Kind ?? GatewayKind,
                Namespace = p.Namespace,
                Name = p.Name,
                SectionName = p.SectionName,
                Port = p.Port,
            })],
            Hostnames = AddressRules.IsIp(challenge.Spec.DnsName) ? null : [challenge.Spec.DnsName],
            Rules =
            [
                new HttpRouteRule
                {
                    Matches = [new HttpRouteMatch { Path = new HttpPathMatch { Type = PathMatchExact, Value = ChallengePath(challenge) } }],
                    BackendRefs =
                    [
                        new HttpBackendRef
                        {
                            Group = "",
                            Kind = "Service",
                            Name = Name(challenge),
                            Namespace = challenge.Metadata.NamespaceProperty,
                            Port = options.SolverServicePort,
                            Weight = 1,
                        },
                    ],
                },
            ],
        };
    }

    /// <summary>
    /// Whether <paramref name="route"/> already has the spec and labels <paramref name="challenge"/> needs. A parentRef
    /// the API server defaulted (group, kind) equals one that left them out.
    /// </summary>
    public static bool HttpRouteInSync(HttpRoute route, Challenge challenge, Http01Options options)
    {
        ArgumentNullException.ThrowIfNull(route);
        var want = HttpRoute(challenge, options);
        var have = route.Spec;
        return SameLabels(route.Metadata.Labels, want.Metadata.Labels)
            && (have.ParentRefs ?? []).Select(Defaulted).SequenceEqual(want.Spec.ParentRefs!)
            && (have.Hostnames ?? []).SequenceEqual(want.Spec.Hostnames ?? [], StringComparer.Ordinal)
            && have.Rules is [{ Matches: [{ Path: { } path }], BackendRefs: [{ } backend] }]
            && want.Spec.Rules![0] is { Matches: [{ Path: { } wantPath }], BackendRefs: [{ } wantBackend] }
            && path.Type == wantPath.Type && path.Value == wantPath.Value
            && (backend.Group ?? "") == wantBackend.Group && (backend.Kind ?? "Service") == wantBackend.Kind && backend.Name == wantBackend.Name
            && (backend.Namespace ?? route.Metadata.NamespaceProperty) == wantBackend.Namespace && backend.Port == wantBackend.Port && (backend.Weight ?? 1) == wantBackend.Weight;
    }

    /// <summary>A JSON merge patch turning <paramref name="current"/>'s labels and spec into <paramref name="desired"/>'s; labels it should not have are removed.</summary>
    public static JsonObject HttpRoutePatch(HttpRoute current, HttpRoute desired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        var labels = new JsonObject();
        foreach (var key in current.Metadata.Labels.OrEmpty().Keys.Where(k => desired.Metadata.Labels?.ContainsKey(k) != true))
        {
            labels[key] = null;
        }

        foreach (var (key, value) in desired.Metadata.Labels.OrEmpty())
        {
            labels[key] = value;
        }

        var spec = JsonSerializer.SerializeToNode(desired, Kubernetes.Model.HttpRoute.JsonTypeInfo)!["spec"]!.AsObject();
        spec["hostnames"] ??= null;
        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = labels },
            ["spec"] = spec.DeepClone(),
        };
    }

    /// <summary>The challenge's `http01.gatewayHTTPRoute` config, which must name at least one parent to attach the route to.</summary>
    public static AcmeChallengeSolverHttp01GatewayHttpRoute GatewayHttpRouteConfig(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var config = challenge.Spec.Solver.Http01?.GatewayHttpRoute
            ?? throw new InvalidOperationException("spec.solver.http01.gatewayHTTPRoute is not set");
        return config.ParentRefs is { Count: > 0 }
            ? config
            : throw new InvalidOperationException(
                "spec.solver.http01.gatewayHTTPRoute.parentRefs is empty and the Certificate names no Gateway (acme.cert-manager.io/http01-parentrefname "
                + "and -parentrefkind): list the Gateway the HTTPRoute should attach to in the issuer's solver");
    }

    private static ParentReference Defaulted(ParentReference parent) =>
        parent with { Group = parent.Group ?? GatewayGroup, Kind = parent.Kind ?? GatewayKind };

    private static bool SameLabels(IDictionary<string, string>? have, IDictionary<string, string>? want) =>
        have.OrEmpty().Count == want.OrEmpty().Count && have.OrEmpty().All(l => want.OrEmpty().TryGetValue(l.Key, out var v) && v == l.Value);
}
