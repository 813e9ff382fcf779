using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Api;
using CertOperator.TestApiServer.Json;

namespace CertOperator.TestApiServer.Selectors;

/// <summary>
/// Field selectors with =, == and !=: metadata.name and metadata.namespace everywhere, plus the
/// kind-specific fields a real server indexes that kubectl uses (Secret type, Event involvedObject.*
/// for describe, Pod phase/node).
/// </summary>
internal sealed class FieldSelector
{
    private static readonly string[] Common = ["metadata.name", "metadata.namespace"];

    private static readonly Dictionary<string, string[]> ByKind = new(StringComparer.Ordinal)
    {
        ["Secret"] = ["type"],
        ["Event"] =
        [
            "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid", "involvedObject.apiVersion",
            "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type",
        ],
        ["Pod"] = ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.phase", "status.podIP"],
    };

    private readonly List<(string Field, string Value, bool Equal)> _terms;

    private FieldSelector(List<(string Field, string Value, bool Equal)> terms) => _terms = terms;

    public static FieldSelector Parse(string? text, string kind)
    {
        var terms = new List<(string, string, bool)>();
        var supported = Common.Concat(ByKind.GetValueOrDefault(kind) ?? []).ToHashSet(StringComparer.Ordinal);
        foreach (var raw in string.IsNullOrWhiteSpace(text) ? [] : text.Split(','))
        {
            var notEqual = raw.Contains("!=", StringComparison.Ordinal);
            var parts = raw.Split(notEqual ? "!=" : raw.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            var field = parts[0].Trim();
            if (parts.Length != 2 || !supported.Contains(field))
            {
                throw ApiException.BadRequest($"field label not supported: {field}");
            }

            terms.Add((field, parts[1].Trim(), !notEqual));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj) => _terms.All(t => (Value(obj, t.Field) == t.Value) == t.Equal);

    private static string Value(JsonObject obj, string field) => field switch
    {
        "source" => JsonNodes.Str(obj, "source", "component") ?? "",
        _ => JsonNodes.Str(obj, field.Split('.')) ?? "",
    };
}
