using CertOperator.Crds.Acme;

namespace CertOperator.Acme.Solvers;

/// <summary>
/// cert-manager's per-Certificate HTTP-01 overrides (set by the Ingress shim for http01-edit-in-place and
/// http01-ingress-class, and by the Gateway shim for the HTTPRoute's parent Gateway), carried Certificate →
/// CertificateRequest → Order as annotations and applied to the chosen solver when its Challenge is made.
/// </summary>
internal static class SolverOverrides
{
    public const string IngressName = "acme.cert-manager.io/http01-override-ingress-name";
    public const string IngressClass = "acme.cert-manager.io/http01-override-ingress-class";
    public const string IngressClassName = "acme.cert-manager.io/http01-override-ingress-ingressclassname";

    public const string ParentRefKind = "acme.cert-manager.io/http01-parentrefkind";
    public const string ParentRefName = "acme.cert-manager.io/http01-parentrefname";
    public const string ParentRefNamespace = "acme.cert-manager.io/http01-parentrefnamespace";

    public static readonly string[] Keys = [IngressName, IngressClass, IngressClassName, ParentRefKind, ParentRefName, ParentRefNamespace];

    private static readonly string[] IngressKeys = [IngressName, IngressClass, IngressClassName];

    /// <summary>The override annotations among <paramref name="annotations"/>, to copy onto the next object in the chain.</summary>
    public static Dictionary<string, string>? Carry(IReadOnlyDictionary<string, string>? annotations)
    {
        var carried = Keys.Where(k => annotations?.ContainsKey(k) == true).ToDictionary(k => k, k => annotations![k]);
        return carried.Count == 0 ? null : carried;
    }

    /// <summary>
    /// The solver with its HTTP-01 ingress target, or its HTTPRoute's parent Gateway, replaced as the Order's
    /// annotations say (<paramref name="orderNamespace"/> is the parent's namespace unless one is named); the original is not changed.
    /// </summary>
    public static AcmeChallengeSolver Apply(AcmeChallengeSolver solver, IReadOnlyDictionary<string, string>? annotations, string? orderNamespace)
    {
        ArgumentNullException.ThrowIfNull(solver);
        if (solver.Http01?.GatewayHttpRoute is { } route)
        {
            return ParentRefOverride.Apply(solver, route, annotations, orderNamespace);
        }

        if (solver.Http01?.Ingress is not { } ingress || Carry(annotations) is not { } all
            || all.Where(a => IngressKeys.Contains(a.Key)).ToDictionary() is not { Count: > 0 } overrides)
        {
            return solver;
        }

        var target = new AcmeChallengeSolverHttp01Ingress
        {
            ServiceType = ingress.ServiceType,
            PodTemplate = ingress.PodTemplate,
            IngressTemplate = ingress.IngressTemplate,
            Name = ingress.Name,
            Class = ingress.Class,
            IngressClassName = ingress.IngressClassName,
        };
        if (overrides.TryGetValue(IngressName, out var name))
        {
            (target.Name, target.Class, target.IngressClassName) = (name, null, null);
        }
        else if (overrides.TryGetValue(IngressClassName, out var className))
        {
            (target.Name, target.Class, target.IngressClassName) = (null, null, className);
        }
        else if (overrides.TryGetValue(IngressClass, out var ingressClass))
        {
            (target.Name, target.Class, target.IngressClassName) = (null, ingressClass, null);
        }

        return new AcmeChallengeSolver
        {
            Selector = solver.Selector,
            Dns01 = solver.Dns01,
            Http01 = new AcmeChallengeSolverHttp01 { Ingress = target, GatewayHttpRoute = solver.Http01.GatewayHttpRoute },
        };
    }
}
