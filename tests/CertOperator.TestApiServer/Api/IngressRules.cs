using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Model;
using CertOperator.TestApiServer.Schema;

namespace CertOperator.TestApiServer.Api;

/// <summary>
/// The Ingress checks kube-apiserver makes that certificate users trip over: TLS hosts and rule hosts are
/// DNS-1123 subdomains (or "*." plus one), a TLS secretName is a Secret name.
/// </summary>
internal static class IngressRules
{
    public static void Validate(ResourceType type, JsonObject obj)
    {
        var causes = new List<ValidationCause>();
        var tls = obj["spec"]?["tls"] as JsonArray ?? [];
        for (var i = 0; i < tls.Count; i++)
        {
            var hosts = tls[i]?["hosts"] as JsonArray ?? [];
            for (var j = 0; j < hosts.Count; j++)
            {
                CheckHost(causes, $"spec.tls[{i}].hosts[{j}]", hosts[j]);
            }

            if (JsonNodes.Str(tls[i], "secretName") is { Length: > 0 } secretName && !KubeNames.IsSubdomain(secretName))
            {
                causes.Add(ValidationCause.Invalid($"spec.tls[{i}].secretName", JsonValue.Create(secretName), KubeNames.SubdomainRule));
            }
        }

        var rules = obj["spec"]?["rules"] as JsonArray ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i]?["host"] is { } host)
            {
                CheckHost(causes, $"spec.rules[{i}].host", host);
            }
        }

        if (causes.Count > 0)
        {
            throw ApiException.Invalid(type, JsonNodes.Name(obj), causes);
        }
    }

    private static void CheckHost(List<ValidationCause> causes, string field, JsonNode? node)
    {
        var host = node?.GetValue<string>() ?? "";
        var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        if (!KubeNames.IsSubdomain(name))
        {
            causes.Add(ValidationCause.Invalid(field, JsonValue.Create(host), host.StartsWith('*') ? KubeNames.WildcardRule : KubeNames.SubdomainRule));
        }
    }
}
