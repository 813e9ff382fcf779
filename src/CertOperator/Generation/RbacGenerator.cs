using System.Text.Json.Nodes;
using CertOperator.Yaml;

namespace CertOperator.Generation;

/// <summary>Renders config/rbac from <see cref="OperatorPermissions"/>.</summary>
public static class RbacGenerator
{
    private const string RbacApiVersion = "rbac.authorization.k8s.io/v1";

    /// <summary>File name → YAML text.</summary>
    public static IReadOnlyDictionary<string, string> Render()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["service_account.yaml"] = Yaml(ServiceAccount(OperatorPermissions.ServiceAccount)),
            ["cluster_role.yaml"] = Yaml(Role("ClusterRole", OperatorPermissions.ClusterRole, null, OperatorPermissions.ClusterRules)),
            ["cluster_role_binding.yaml"] = Yaml(
                Binding("ClusterRoleBinding", "ClusterRole", OperatorPermissions.ClusterRole, null, OperatorPermissions.ServiceAccount)),
            ["leader_election_role.yaml"] = Yaml(Role("Role", OperatorPermissions.LeaderElectionRole, OperatorPermissions.Namespace, OperatorPermissions.LeaderElectionRules)),
            ["leader_election_role_binding.yaml"] = Yaml(
                Binding("RoleBinding", "Role", OperatorPermissions.LeaderElectionRole, OperatorPermissions.Namespace, OperatorPermissions.ServiceAccount)),
            ["webhook_service_account.yaml"] = Yaml(ServiceAccount(OperatorPermissions.WebhookServiceAccount)),
            ["webhook_cluster_role.yaml"] = Yaml(Role("ClusterRole", OperatorPermissions.WebhookRole, null, OperatorPermissions.WebhookClusterRules)),
            ["webhook_cluster_role_binding.yaml"] = Yaml(
                Binding("ClusterRoleBinding", "ClusterRole", OperatorPermissions.WebhookRole, null, OperatorPermissions.WebhookServiceAccount)),
            ["webhook_role.yaml"] = Yaml(Role("Role", OperatorPermissions.WebhookRole, OperatorPermissions.Namespace, OperatorPermissions.WebhookNamespaceRules)),
            ["webhook_role_binding.yaml"] = Yaml(
                Binding("RoleBinding", "Role", OperatorPermissions.WebhookRole, OperatorPermissions.Namespace, OperatorPermissions.WebhookServiceAccount)),
        };
        files["Kustomization"] = Yaml(new JsonObject
        {
            ["apiVersion"] = "kustomize.config.k8s.io/v1beta1",
            ["kind"] = "Kustomization",
            ["resources"] = Strings(files.Keys),
        });
        return files;
    }

    public static async Task WriteAsync(string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, yaml) in Render())
        {
            await File.WriteAllTextAsync(Path.Combine(directory, name), yaml, ct);
        }
    }

    /// <summary>Strings that look like other types stay unquoted except where plain style cannot hold them (<c>''</c>).</summary>
    private static string Yaml(JsonObject document) => YamlWriter.Write(document, quoteAmbiguousStrings: false);

    private static JsonArray Strings(IEnumerable<string> items) => [.. items.Select(i => (JsonNode?)i)];

    private static JsonObject Metadata(string name, string? ns)
    {
        var meta = new JsonObject
        {
            ["name"] = name,
            ["labels"] = new JsonObject { ["app.kubernetes.io/name"] = "certoperator" },
        };
        if (ns is not null)
        {
            meta["namespace"] = ns;
        }

        return meta;
    }

    private static JsonObject ServiceAccount(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ServiceAccount",
        ["metadata"] = Metadata(name, OperatorPermissions.Namespace),
    };

    private static JsonObject Role(string kind, string name, string? ns, IReadOnlyList<RbacRule> rules) => new()
    {
        ["apiVersion"] = RbacApiVersion,
        ["kind"] = kind,
        ["metadata"] = Metadata(name, ns),
        ["rules"] = new JsonArray([.. rules.Select(r => (JsonNode?)Rule(r))]),
    };

    private static JsonObject Rule(RbacRule rule)
    {
        var rendered = new JsonObject
        {
            ["apiGroups"] = Strings(rule.ApiGroups),
            ["resources"] = Strings(rule.Resources),
        };
        if (rule.ResourceNames is { } names)
        {
            rendered["resourceNames"] = Strings(names);
        }

        rendered["verbs"] = Strings(rule.Verbs);
        return rendered;
    }

    private static JsonObject Binding(string kind, string roleKind, string roleName, string? ns, string serviceAccount) => new()
    {
        ["apiVersion"] = RbacApiVersion,
        ["kind"] = kind,
        ["metadata"] = Metadata(roleName, ns),
        ["roleRef"] = new JsonObject
        {
            ["apiGroup"] = "rbac.authorization.k8s.io",
            ["kind"] = roleKind,
            ["name"] = roleName,
        },
        ["subjects"] = new JsonArray(new JsonObject
        {
            ["kind"] = "ServiceAccount",
            ["name"] = serviceAccount,
            ["namespace"] = OperatorPermissions.Namespace,
        }),
    };
}
