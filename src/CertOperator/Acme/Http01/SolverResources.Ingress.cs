using CertOperator.Crds.Challenges;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Acme.Http01;

internal static partial class SolverResources
{
    public const string IngressClassAnnotation = "kubernetes.io/ingress.class";
    public const string PathType = "ImplementationSpecific";

    /// <summary>
    /// A new Ingress routing the challenge path on the domain to the solver Service; the class comes from
    /// ingressClassName (spec field) or class (legacy annotation), and ingressTemplate metadata is merged in.
    /// </summary>
    public static Ingress Ingress(Challenge challenge, Http01Options options)
    {
        var config = IngressConfig(challenge) ?? throw new InvalidOperationException("spec.solver.http01.ingress is not set");
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // ingress-nginx may restrict source ranges globally; the ACME server must always reach the solver.
            ["nginx.ingress.kubernetes.io/whitelist-source-range"] = "0.0.0.0/0,::/0",
        };
        if (!string.IsNullOrEmpty(config.Class))
        {
            annotations[IngressClassAnnotation] = config.Class;
        }

        var template = config.IngressTemplate?.Metadata;
        return new Ingress
        {
            Metadata = Metadata(challenge, Merge(Labels(challenge), template?.Labels), Merge(annotations, template?.Annotations)),
            Spec = new V1IngressSpec
            {
                IngressClassName = string.IsNullOrEmpty(config.IngressClassName) ? null : config.IngressClassName,
                Rules = [new V1IngressRule { Host = challenge.Spec.DnsName, Http = new V1HTTPIngressRuleValue { Paths = [ChallengeRoute(challenge, options)] } }],
            },
        };
    }

    /// <summary>
    /// Edit-in-place (`http01.ingress.name`): routes the challenge path to the solver Service in the existing
    /// Ingress, in the rule for the domain (added when missing). Returns whether <paramref name="ingress"/> changed.
    /// </summary>
    public static bool AddChallengePath(Ingress ingress, Challenge challenge, Http01Options options)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var route = ChallengeRoute(challenge, options);
        var rules = ingress.Spec.Rules ??= [];
        var rule = rules.FirstOrDefault(r => r.Host == challenge.Spec.DnsName);
        if (rule is null)
        {
            rules.Add(new V1IngressRule { Host = challenge.Spec.DnsName, Http = new V1HTTPIngressRuleValue { Paths = [route] } });
            return true;
        }

        var paths = (rule.Http ??= new V1HTTPIngressRuleValue()).Paths ??= [];
        var existing = paths.FirstOrDefault(p => p.Path == route.Path);
        if (existing is not null && RoutesTo(existing, route.Backend.Service!))
        {
            return false;
        }

        if (existing is not null)
        {
            paths[paths.IndexOf(existing)] = route;
        }
        else
        {
            paths.Add(route);
        }

        return true;
    }

    /// <summary>Removes the challenge path from the edited Ingress, and the domain's rule if nothing else is left in it.</summary>
    public static bool RemoveChallengePath(Ingress ingress, Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var path = ChallengePath(challenge);
        var changed = false;
        foreach (var rule in ingress.Spec.Rules?.Where(r => r.Host == challenge.Spec.DnsName && r.Http is not null) ?? [])
        {
            changed |= rule.Http!.Paths.RemoveAll(p => p.Path == path) > 0;
        }

        changed |= ingress.Spec.Rules?.RemoveAll(r => r.Host == challenge.Spec.DnsName && r.Http is { Paths.Count: 0 }) > 0;
        return changed;
    }

    private static V1HTTPIngressPath ChallengeRoute(Challenge challenge, Http01Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new V1HTTPIngressPath
        {
            Path = ChallengePath(challenge),
            PathType = PathType,
            Backend = new V1IngressBackend
            {
                Service = new V1IngressServiceBackend { Name = Name(challenge), Port = new V1ServiceBackendPort { Number = options.SolverServicePort } },
            },
        };
    }

    private static bool RoutesTo(V1HTTPIngressPath path, V1IngressServiceBackend service) =>
        path.PathType == PathType && path.Backend.Service is { } current && current.Name == service.Name && current.Port.Number == service.Port.Number;
}
