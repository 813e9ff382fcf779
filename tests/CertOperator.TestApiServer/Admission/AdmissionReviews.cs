using System.Text.Json.Nodes;

namespace CertOperator.TestApiServer.Admission;

/// <summary>admission.k8s.io/v1 AdmissionReview requests as the apiserver sends them.</summary>
internal static class AdmissionReviews
{
    /// <summary>This server has one bearer token; its requests are made as a cluster admin.</summary>
    private static readonly string[] AdminGroups = ["system:masters", "system:authenticated"];

    public static JsonObject Request(AdmissionAttempt attempt, string uid)
    {
        var type = attempt.Type;
        var gvk = new JsonObject { ["group"] = type.Group, ["version"] = type.Version, ["kind"] = type.Kind };
        var gvr = new JsonObject { ["group"] = type.Group, ["version"] = type.Version, ["resource"] = type.Plural };
        var request = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = gvk,
            ["resource"] = gvr,
            ["requestKind"] = gvk.DeepClone(),
            ["requestResource"] = gvr.DeepClone(),
            ["name"] = attempt.Name,
            ["operation"] = attempt.Operation,
            ["userInfo"] = new JsonObject
            {
                ["username"] = "admin",
                ["groups"] = new JsonArray(AdminGroups.Select(g => (JsonNode)JsonValue.Create(g)).ToArray()),
            },
            ["object"] = attempt.Object.DeepClone(),
            ["oldObject"] = attempt.OldObject?.DeepClone(),
            ["dryRun"] = attempt.DryRun,
            ["options"] = new JsonObject
            {
                ["kind"] = attempt.Operation == "CREATE" ? "CreateOptions" : "UpdateOptions",
                ["apiVersion"] = "meta.k8s.io/v1",
            },
        };
        if (attempt.Namespace is not null)
        {
            request["namespace"] = attempt.Namespace;
        }

        if (attempt.Subresource is not null)
        {
            request["subResource"] = attempt.Subresource;
            request["requestSubResource"] = attempt.Subresource;
        }

        return new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["request"] = request };
    }
}
