using CertOperator.Crds.Acme;

namespace CertOperator.Acme.Solvers;

/// <summary>
/// cert-manager's parentRef override for `http01.gatewayHTTPRoute`: a Certificate made from a Gateway carries
/// that Gateway's kind and name, and the HTTPRoute attaches to it in place of an issuer parentRef naming the same
/// object (a parentRef without a namespace is kept, as cert-manager keeps it). With neither, the issuer's parentRefs
/// must name one: an HTTPRoute without a parent serves nothing, so no Challenge is made.
/// </summary>
internal static class ParentRefOverride
{
    public static AcmeChallengeSolver Apply(
        AcmeChallengeSolver solver, AcmeChallengeSolverHttp01GatewayHttpRoute route, IReadOnlyDictionary<string, string>? annotations, string? orderNamespace)
    {
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentNullException.ThrowIfNull(route);
        var hasName = annotations?.ContainsKey(SolverOverrides.ParentRefName) == true;
        var hasKind = annotations?.ContainsKey(SolverOverrides.ParentRefKind) == true;
        if (hasName != hasKind)
        {
            throw new InvalidOperationException(
                $"the Certificate sets only one of {SolverOverrides.ParentRefName} and {SolverOverrides.ParentRefKind}; set both (the Gateway's name and kind) or neither");
        }

        if (!hasName)
        {
            return route.ParentRefs is { Count: > 0 } ? solver : throw new InvalidOperationException(
                "spec.solver.http01.gatewayHTTPRoute.parentRefs is empty and the Certificate names no Gateway (acme.cert-manager.io/http01-parentrefname "
                + "and -parentrefkind): list the Gateway the HTTPRoute should attach to in the issuer's solver");
        }

        var name = annotations![SolverOverrides.ParentRefName];
        var kind = annotations[SolverOverrides.ParentRefKind];
        var ns = annotations.GetValueOrDefault(SolverOverrides.ParentRefNamespace) is { Length: > 0 } named ? named : orderNamespace;
        List<GatewayParentReference> parents =
        [
            .. (route.ParentRefs ?? []).Where(p => !(p.Namespace is not null && p.Namespace == ns && p.Name == name && (p.Kind is null || p.Kind == kind))),
            new GatewayParentReference { Name = name, Namespace = ns, Kind = kind },
        ];
        return new AcmeChallengeSolver
        {
            Selector = solver.Selector,
            Dns01 = solver.Dns01,
            Http01 = new AcmeChallengeSolverHttp01
            {
                Ingress = solver.Http01!.Ingress,
                GatewayHttpRoute = new AcmeChallengeSolverHttp01GatewayHttpRoute
                {
                    ServiceType = route.ServiceType,
                    Labels = route.Labels,
                    PodTemplate = route.PodTemplate,
                    ParentRefs = parents,
                },
            },
        };
    }
}
