using CertOperator.Certificates.Pki;
using CertOperator.Crds.Acme;

namespace CertOperator.Validation;

/// <summary>
/// One `spec.acme.solvers[i]`: exactly one of http01 and dns01, that solver's settings, and a selector whose
/// labels, DNS names and zones are well-formed.
/// </summary>
internal static class AcmeSolverValidation
{
    public static void Validate(AcmeChallengeSolver solver, string path, List<FieldError> errors)
    {
        ValidateSelector(solver.Selector, $"{path}.selector", errors);
        if (solver.Http01 is not null && solver.Dns01 is not null)
        {
            errors.Add(new(path, "may not specify more than one solver type in a single solver; split http01 and dns01 into two solvers"));
        }
        else if (solver.Http01 is { } http01)
        {
            ValidateHttp01(http01, $"{path}.http01", errors);
        }
        else if (solver.Dns01 is { } dns01)
        {
            Dns01ProviderValidation.Validate(dns01, $"{path}.dns01", errors);
        }
        else
        {
            errors.Add(new(path, "no solver type configured: set http01 or dns01"));
        }

        if (solver.WaitInsteadOfSelfCheck is { } wait && (!GoDuration.TryParse(wait, out var duration) || duration < TimeSpan.Zero))
        {
            errors.Add(new($"{path}.waitInsteadOfSelfCheck", $"\"{wait}\": must be a duration that is not negative, such as 30s or 2m (0s skips the wait)"));
        }
    }

    private static void ValidateSelector(CertificateDnsNameSelector? selector, string path, List<FieldError> errors)
    {
        if (selector is null)
        {
            return;
        }

        KubernetesNameRules.ValidateLabels(selector.MatchLabels, $"{path}.matchLabels", errors);
        foreach (var (names, field) in new[] { (selector.DnsNames, "dnsNames"), (selector.DnsZones, "dnsZones") })
        {
            var list = names ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                if (DnsNameRules.Problem(list[i]) is { } problem)
                {
                    errors.Add(new($"{path}.{field}[{i}]", problem));
                }
            }
        }
    }

    private static void ValidateHttp01(AcmeChallengeSolverHttp01 http01, string path, List<FieldError> errors)
    {
        if (http01.Ingress is null && http01.GatewayHttpRoute is null)
        {
            errors.Add(new(path, "no HTTP01 solver type configured: set ingress or gatewayHTTPRoute"));
            return;
        }

        if (http01.Ingress is not null && http01.GatewayHttpRoute is not null)
        {
            errors.Add(new(path, "only 1 HTTP01 solver type may be configured: keep ingress or gatewayHTTPRoute"));
        }

        if (http01.Ingress is { } ingress)
        {
            var set = new[] { ingress.Class, ingress.IngressClassName, ingress.Name }.Count(v => !string.IsNullOrEmpty(v));
            if (set > 1)
            {
                errors.Add(new($"{path}.ingress", "only one of 'ingressClassName', 'name' or 'class' should be specified"));
            }

            if (ingress.IngressClassName is { Length: > 0 } className && KubernetesNameRules.SubdomainProblems(className) is { Count: > 0 } problems)
            {
                errors.Add(new($"{path}.ingress.ingressClassName", $"\"{className}\": must be a valid IngressClass name: {string.Join(", ", problems)}"));
            }

            ServiceType(ingress.ServiceType, $"{path}.ingress.serviceType", errors);
        }

        if (http01.GatewayHttpRoute is { } route)
        {
            ServiceType(route.ServiceType, $"{path}.gatewayHTTPRoute.serviceType", errors);
            var parents = route.ParentRefs ?? [];
            for (var i = 0; i < parents.Count; i++)
            {
                if (!string.IsNullOrEmpty(parents[i].Kind) && string.IsNullOrEmpty(parents[i].Name))
                {
                    errors.Add(new($"{path}.gatewayHTTPRoute.parentRefs[{i}].name", "name is required when kind is specified"));
                }
            }
        }
    }

    private static void ServiceType(string? serviceType, string path, List<FieldError> errors)
    {
        if (serviceType is { Length: > 0 } and not ("ClusterIP" or "NodePort"))
        {
            errors.Add(new(path, $"\"{serviceType}\": must be empty, \"ClusterIP\" or \"NodePort\""));
        }
    }
}
