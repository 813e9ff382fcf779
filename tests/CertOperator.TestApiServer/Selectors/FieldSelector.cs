using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Api;
using CertOperator.TestApiServer.Json;

namespace CertOperator.TestApiServer.Selectors;

/// <summary>Field selectors on metadata.name, metadata.namespace and (for Secrets) type; =, == and !=.</summary>
internal sealed class FieldSelector
{
    private static readonly HashSet<string> Supported = ["metadata.name", "metadata.namespace", "type"];
    private readonly List<(string Field, string Value, bool Equal)> _terms;

    private FieldSelector(List<(string Field, string Value, bool Equal)> terms) => _terms = terms;

    public static FieldSelector Parse(string? text, string kind)
    {
        var terms = new List<(string, string, bool)>();
        foreach (var raw in string.IsNullOrWhiteSpace(text) ? [] : text.Split(','))
        {
            var notEqual = raw.Contains("!=", StringComparison.Ordinal);
            var parts = raw.Split(notEqual ? "!=" : raw.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            var field = parts[0].Trim();
            if (parts.Length != 2 || !Supported.Contains(field) || field == "type" && kind != "Secret")
            {
                throw ApiException.BadRequest($"\"{field}\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
            }

            terms.Add((field, parts[1].Trim(), !notEqual));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj) => _terms.All(t => (Value(obj, t.Field) == t.Value) == t.Equal);

    private static string Value(JsonObject obj, string field) => field switch
    {
        "metadata.name" => JsonNodes.Name(obj),
        "metadata.namespace" => JsonNodes.Namespace(obj),
        _ => JsonNodes.Str(obj, field) ?? "",
    };
}
