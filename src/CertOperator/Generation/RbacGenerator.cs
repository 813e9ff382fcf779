using YamlDotNet.Serialization;

namespace CertOperator.Generation;

/// <summary>Renders config/rbac from <see cref="OperatorPermissions"/>.</summary>
public static class RbacGenerator
{
    private const string RbacApiVersion = "rbac.authorization.k8s.io/v1";

    /// <summary>File name → YAML text.</summary>
    public static IReadOnlyDictionary<string, string> Render()
    {
        var serializer = new SerializerBuilder().DisableAliases().Build();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["service_account.yaml"] = serializer.Serialize(ServiceAccount(OperatorPermissions.ServiceAccount)),
            ["cluster_role.yaml"] = serializer.Serialize(Role("ClusterRole", OperatorPermissions.ClusterRole, null, OperatorPermissions.ClusterRules)),
            ["cluster_role_binding.yaml"] = serializer.Serialize(
                Binding("ClusterRoleBinding", "ClusterRole", OperatorPermissions.ClusterRole, null, OperatorPermissions.ServiceAccount)),
            ["leader_election_role.yaml"] = serializer.Serialize(Role("Role", OperatorPermissions.LeaderElectionRole, OperatorPermissions.Namespace, OperatorPermissions.LeaderElectionRules)),
            ["leader_election_role_binding.yaml"] = serializer.Serialize(
                Binding("RoleBinding", "Role", OperatorPermissions.LeaderElectionRole, OperatorPermissions.Namespace, OperatorPermissions.ServiceAccount)),
            ["webhook_service_account.yaml"] = serializer.Serialize(ServiceAccount(OperatorPermissions.WebhookServiceAccount)),
            ["webhook_cluster_role.yaml"] = serializer.Serialize(Role("ClusterRole", OperatorPermissions.WebhookRole, null, OperatorPermissions.WebhookClusterRules)),
            ["webhook_cluster_role_binding.yaml"] = serializer.Serialize(
                Binding("ClusterRoleBinding", "ClusterRole", OperatorPermissions.WebhookRole, null, OperatorPermissions.WebhookServiceAccount)),
            ["webhook_role.yaml"] = serializer.Serialize(Role("Role", OperatorPermissions.WebhookRole, OperatorPermissions.Namespace, OperatorPermissions.WebhookNamespaceRules)),
            ["webhook_role_binding.yaml"] = serializer.Serialize(
                Binding("RoleBinding", "Role", OperatorPermissions.WebhookRole, OperatorPermissions.Namespace, OperatorPermissions.WebhookServiceAccount)),
        };
        files["Kustomization"] = serializer.Serialize(new Dictionary<string, object>
        {
            ["apiVersion"] = "kustomize.config.k8s.io/v1beta1",
            ["kind"] = "Kustomization",
            ["resources"] = files.Keys.ToList(),
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

    private static Dictionary<string, object> Metadata(string name, string? ns)
    {
        var meta = new Dictionary<string, object>
        {
            ["name"] = name,
            ["labels"] = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "certoperator" },
        };
        if (ns is not null)
        {
            meta["namespace"] = ns;
        }

        return meta;
    }

    private static Dictionary<string, object> ServiceAccount(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ServiceAccount",
        ["metadata"] = Metadata(name, OperatorPermissions.Namespace),
    };

    private static Dictionary<string, object> Role(string kind, string name, string? ns, IReadOnlyList<RbacRule> rules) => new()
    {
        ["apiVersion"] = RbacApiVersion,
        ["kind"] = kind,
        ["metadata"] = Metadata(name, ns),
        ["rules"] = rules.Select(Rule).ToList(),
    };

    private static Dictionary<string, object> Rule(RbacRule rule)
    {
        var rendered = new Dictionary<string, object>
        {
            ["apiGroups"] = rule.ApiGroups,
            ["resources"] = rule.Resources,
        };
        if (rule.ResourceNames is { } names)
        {
            rendered["resourceNames"] = names;
        }

        rendered["verbs"] = rule.Verbs;
        return rendered;
    }

    private static Dictionary<string, object> Binding(string kind, string roleKind, string roleName, string? ns, string serviceAccount) => new()
    {
        ["apiVersion"] = RbacApiVersion,
        ["kind"] = kind,
        ["metadata"] = Metadata(roleName, ns),
        ["roleRef"] = new Dictionary<string, object>
        {
            ["apiGroup"] = "rbac.authorization.k8s.io",
            ["kind"] = roleKind,
            ["name"] = roleName,
        },
        ["subjects"] = new[]
        {
            new Dictionary<string, object>
            {
                ["kind"] = "ServiceAccount",
                ["name"] = serviceAccount,
                ["namespace"] = OperatorPermissions.Namespace,
            },
        },
    };
}
