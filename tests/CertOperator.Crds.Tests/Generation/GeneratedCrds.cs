using System.Text.Json.Nodes;
using CertOperator.Crds.Tests.Support;
using CertOperator.Generation;

namespace CertOperator.Crds.Tests.Generation;

/// <summary>The generated CRDs parsed back from their YAML text, as the API server would read them.</summary>
internal static class GeneratedCrds
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonNode>> ByKind = new(() =>
        CrdGenerator.Render()
            .Where(file => file.Key != "Kustomization")
            .Select(file => YamlJson.Parse(file.Value))
            .ToDictionary(crd => (string)crd["spec"]!["names"]!["kind"]!));

    public static IReadOnlyDictionary<string, JsonNode> All => ByKind.Value;

    public static JsonNode Get(string kind) => ByKind.Value[kind];

    public static JsonObject Version(string kind) => Get(kind)["spec"]!["versions"]!.AsArray().Single()!.AsObject();

    public static JsonObject Schema(string kind) => Version(kind)["schema"]!["openAPIV3Schema"]!.AsObject();

    /// <summary>Every schema node with its path, e.g. `.spec.acme.solvers[].dns01.webhook.config`.</summary>
    public static IEnumerable<(string Path, JsonObject Node)> Walk(JsonObject node, string path = "")
    {
        yield return (path, node);
        foreach (var (name, child) in node["properties"]?.AsObject() ?? [])
        {
            foreach (var nested in Walk(child!.AsObject(), $"{path}.{name}"))
            {
                yield return nested;
            }
        }

        var children = new[] { ("items", "[]"), ("additionalProperties", "{}") };
        foreach (var (key, suffix) in children)
        {
            if (node[key] is JsonObject child)
            {
                foreach (var nested in Walk(child, path + suffix))
                {
                    yield return nested;
                }
            }
        }
    }
}
