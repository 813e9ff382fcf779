using System.Text.Json.Nodes;

namespace CertOperator.TestApiServer.Tests.Admission;

/// <summary>Builders for webhook configurations and the objects they admit.</summary>
internal static class WebhookGen
{
    public const string ValidatingPath = "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations";
    public const string MutatingPath = "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations";

    /// <summary>A webhook on configmaps CREATE/UPDATE in namespace <paramref name="ns"/> only (by its kubernetes.io/metadata.name label).</summary>
    public static JsonObject Webhook(string name, string url, string caBundle, string ns, string failurePolicy = "Fail", string[]? operations = null, string resource = "configmaps") => new()
    {
        ["name"] = name,
        ["admissionReviewVersions"] = new JsonArray("v1"),
        ["sideEffects"] = "None",
        ["failurePolicy"] = failurePolicy,
        ["timeoutSeconds"] = 5,
        ["clientConfig"] = new JsonObject { ["url"] = url, ["caBundle"] = caBundle },
        ["namespaceSelector"] = new JsonObject
        {
            ["matchExpressions"] = new JsonArray(new JsonObject
            {
                ["key"] = "kubernetes.io/metadata.name", ["operator"] = "In", ["values"] = new JsonArray(ns),
            }),
        },
        ["rules"] = new JsonArray(new JsonObject
        {
            ["apiGroups"] = new JsonArray(""),
            ["apiVersions"] = new JsonArray("v1"),
            ["operations"] = new JsonArray((operations ?? ["CREATE", "UPDATE"]).Select(o => (JsonNode)JsonValue.Create(o)).ToArray()),
            ["resources"] = new JsonArray(resource),
        }),
    };

    public static JsonObject Configuration(string kind, string name, params JsonObject[] webhooks) => new()
    {
        ["apiVersion"] = "admissionregistration.k8s.io/v1",
        ["kind"] = kind,
        ["metadata"] = new JsonObject { ["name"] = name },
        ["webhooks"] = new JsonArray(webhooks),
    };

    public static JsonObject Namespace(string name, Dictionary<string, string>? labels = null) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = labels is null ? null : new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)JsonValue.Create(l.Value)))),
        },
    };

    public static JsonObject ConfigMap(string name, string value = "1") => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["data"] = new JsonObject { ["value"] = value },
    };

    public static string ConfigMaps(string ns) => $"/api/v1/namespaces/{ns}/configmaps";
}
