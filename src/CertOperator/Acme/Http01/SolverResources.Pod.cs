using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Serialization;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Acme.Http01;

internal static partial class SolverResources
{
    public const string ContainerName = "acmesolver";

    /// <summary>
    /// The solver Pod: the operator image running `acmesolver` for this token, locked down (non-root,
    /// read-only root, no capabilities) and small, with the podTemplate's metadata and spec overrides applied.
    /// </summary>
    public static Pod Pod(Challenge challenge, Http01Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (_, template) = PodConfig(challenge);
        var spec = new JsonObject
        {
            ["restartPolicy"] = "OnFailure",
            ["enableServiceLinks"] = false,
            ["nodeSelector"] = new JsonObject { ["kubernetes.io/os"] = "linux" },
            ["securityContext"] = new JsonObject
            {
                ["runAsNonRoot"] = true,
                ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" },
            },
            ["containers"] = new JsonArray(Container(challenge, options)),
        };
        ApplySpecTemplate(spec, template?.Spec);
        return new Pod
        {
            Metadata = Metadata(
                challenge,
                Merge(Labels(challenge), template?.Metadata?.Labels),
                Merge(new() { ["sidecar.istio.io/inject"] = "false" }, template?.Metadata?.Annotations)),
            Spec = spec,
        };
    }

    /// <summary>The acmesolver arguments, cert-manager's flag names; the key authorization is not a secret.</summary>
    public static IReadOnlyList<string> SolverArgs(Challenge challenge, Http01Options options)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            "acmesolver",
            $"--listen-port={options.SolverServicePort.ToString(CultureInfo.InvariantCulture)}",
            $"--domain={challenge.Spec.DnsName}",
            $"--token={challenge.Spec.Token}",
            $"--key={challenge.Spec.Key}",
        ];
    }

    private static JsonObject Container(Challenge challenge, Http01Options options) => new()
    {
        ["name"] = ContainerName,
        ["image"] = options.SolverImage,
        ["imagePullPolicy"] = "IfNotPresent",
        ["args"] = new JsonArray([.. SolverArgs(challenge, options).Select(a => JsonValue.Create(a))]),
        ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["containerPort"] = options.SolverServicePort, ["protocol"] = "TCP" }),
        ["resources"] = new JsonObject
        {
            ["requests"] = new JsonObject { ["cpu"] = "10m", ["memory"] = "64Mi" },
            ["limits"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "64Mi" },
        },
        ["securityContext"] = new JsonObject
        {
            ["readOnlyRootFilesystem"] = true,
            ["allowPrivilegeEscalation"] = false,
            ["capabilities"] = new JsonObject { ["drop"] = new JsonArray("ALL") },
        },
    };

    /// <summary>cert-manager's merge: node selector entries added, tolerations and pull secrets appended, the rest replaced.</summary>
    private static void ApplySpecTemplate(JsonObject spec, Http01PodSpec? template)
    {
        if (template is null)
        {
            return;
        }

        var nodeSelector = (JsonObject)spec["nodeSelector"]!;
        foreach (var (key, value) in template.NodeSelector ?? [])
        {
            nodeSelector[key] = value;
        }

        if (template.Tolerations is { Count: > 0 } tolerations)
        {
            spec["tolerations"] = new JsonArray([.. tolerations.Select(Toleration)]);
        }

        if (template.ImagePullSecrets is { Count: > 0 } pullSecrets)
        {
            spec["imagePullSecrets"] = new JsonArray([.. pullSecrets.Select(s => new JsonObject { ["name"] = s.Name })]);
        }

        SetIfGiven(spec, "priorityClassName", template.PriorityClassName);
        SetIfGiven(spec, "serviceAccountName", template.ServiceAccountName);
        if (template.Affinity is { } affinity)
        {
            spec["affinity"] = JsonSerializer.SerializeToNode(affinity, CertManagerJsonContext.Default.Affinity);
        }

        if (template.SecurityContext is { } securityContext)
        {
            // As cert-manager: the template's security context replaces the default one whole.
            spec["securityContext"] = JsonSerializer.SerializeToNode(securityContext, CertManagerJsonContext.Default.SolverPodSecurityContext);
        }

        if (template.Resources is { } resources)
        {
            var container = (JsonObject)spec["containers"]![0]!["resources"]!;
            MergeQuantities((JsonObject)container["requests"]!, resources.Requests);
            MergeQuantities((JsonObject)container["limits"]!, resources.Limits);
        }
    }

    /// <summary>
    /// Each quantity given replaces the default for that resource; the others stay. Written as strings, as Kubernetes
    /// writes quantities (a template may give `1` where the API server also reads `"1"`).
    /// </summary>
    private static void MergeQuantities(JsonObject target, Dictionary<string, JsonElement>? quantities)
    {
        foreach (var (resource, quantity) in quantities ?? [])
        {
            target[resource] = quantity.ValueKind == JsonValueKind.String ? quantity.GetString() : quantity.GetRawText();
        }
    }

    private static JsonObject Toleration(Toleration toleration)
    {
        var node = new JsonObject();
        SetIfGiven(node, "key", toleration.Key);
        SetIfGiven(node, "operator", toleration.Operator);
        SetIfGiven(node, "value", toleration.Value);
        SetIfGiven(node, "effect", toleration.Effect);
        if (toleration.TolerationSeconds is { } seconds)
        {
            node["tolerationSeconds"] = seconds;
        }

        return node;
    }

    private static void SetIfGiven(JsonObject target, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            target[field] = value;
        }
    }
}
