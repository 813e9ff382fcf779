using System.Text.Json.Nodes;

namespace CertOperator.Crds.Tests.Generation;

/// <summary>
/// Our generated CRDs against cert-manager v1.21.1's, path by path, on the facts the API server acts on (type,
/// format, enum, default, required, bounds, patterns, list and map markers, CEL rules): a cert-manager manifest
/// must apply, default and prune the same here. TestData/cert-manager-schema-facts.tsv holds cert-manager's facts
/// (scripts/cert-manager-schema-facts.py writes it).
/// </summary>
public sealed class CertManagerSchemaParityTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonNode>> CertManager = new(() => File
        .ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "cert-manager-schema-facts.tsv"))
        .Select(line => line.Split('\t', 2))
        .ToDictionary(parts => parts[0], parts => JsonNode.Parse(parts[1])!));

    public static TheoryData<string> Kinds() => ["Certificate", "CertificateRequest", "Issuer", "ClusterIssuer", "Order", "Challenge"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_field_of_cert_managers_schema_exists_here_with_the_same_facts(string kind)
    {
        var ours = Facts(kind);
        var differences = CertManager.Value
            .Where(entry => entry.Key.StartsWith($"{kind}/", StringComparison.Ordinal))
            .Select(entry => ours.TryGetValue(entry.Key, out var facts)
                ? JsonNode.DeepEquals(facts, entry.Value) ? null : $"{entry.Key}: cert-manager {entry.Value.ToJsonString()}, ours {facts.ToJsonString()}"
                : $"{entry.Key}: missing here")
            .OfType<string>()
            .ToList();

        differences.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void No_field_here_is_unknown_to_cert_manager(string kind)
    {
        var extra = Facts(kind).Keys.Where(path => !CertManager.Value.ContainsKey(path)).ToList();

        extra.Should().BeEmpty("a field cert-manager lacks would be pruned by a cluster switching back, and is a GitOps diff");
    }

    private static readonly string[] FactKeys =
    [
        "type", "format", "enum", "default", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "pattern", "nullable",
        "anyOf", "oneOf", "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
        "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string", "x-kubernetes-validations",
    ];

    /// <summary>Our CRD's facts by path, in the form the facts file uses (`Kind/version.path`, `[]` items, `{}` values).</summary>
    private static Dictionary<string, JsonNode> Facts(string kind)
    {
        var version = GeneratedCrds.Version(kind);
        var root = $"{kind}/{version["name"]}";
        return GeneratedCrds.Walk(GeneratedCrds.Schema(kind)).ToDictionary(
            node => root + node.Path,
            node =>
            {
                var facts = new JsonObject();
                foreach (var key in FactKeys.Where(k => node.Node.ContainsKey(k)))
                {
                    facts[key] = node.Node[key]!.DeepClone();
                }

                if (node.Node["required"] is JsonArray required)
                {
                    facts["required"] = new JsonArray([.. required.Select(r => (string)r!).Order(StringComparer.Ordinal).Select(r => JsonValue.Create(r))]);
                }

                // Re-read from text, as the file's facts are, so numbers compare by value whatever their CLR type.
                return JsonNode.Parse(facts.ToJsonString())!;
            });
    }
}
