using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertOperator.Yaml;

namespace CertOperator.Cli.Verbs;

/// <summary>
/// Rewrites cert-manager v0.x (`certmanager.k8s.io/v1alpha1`) manifests as `cert-manager.io/v1`. The old
/// API chose a solver per Certificate (`spec.acme.config`); v1 chooses it on the issuer by selector, so the
/// Certificates' domains become `selector.dnsNames` of the solver they named.
/// </summary>
internal static class LegacyConverter
{
    public const string LegacyApiVersion = "certmanager.k8s.io/v1alpha1";
    public const string ApiVersion = "cert-manager.io/v1";

    private static readonly string[] ConvertedKinds = ["Issuer", "ClusterIssuer", "Certificate", "CertificateRequest"];

    public static string Convert(string yaml)
    {
        var documents = Parse(yaml);
        var legacy = documents.Where(d => Str(d, "apiVersion") == LegacyApiVersion && ConvertedKinds.Contains(Str(d, "kind"))).ToList();
        var references = LegacySolverReferences.Collect(legacy.Where(d => Str(d, "kind") == "Certificate"));
        foreach (var document in legacy)
        {
            document["apiVersion"] = ApiVersion;
            switch (Str(document, "kind"))
            {
                case "Issuer" or "ClusterIssuer":
                    ConvertIssuer(document, references);
                    break;
                case "Certificate":
                    ConvertCertificate(document);
                    break;
            }
        }

        return string.Join("---\n", documents.Select(d => YamlWriter.Write(d, quoteAmbiguousStrings: true)));
    }

    /// <summary>The mapping documents of a YAML stream; other documents (empty, scalar, list) are dropped.</summary>
    public static List<JsonObject> Parse(string yaml) => [.. YamlReader.ReadDocuments(yaml).OfType<JsonObject>()];

    private static void ConvertIssuer(JsonObject issuer, LegacySolverReferences references)
    {
        if (Map(Map(issuer, "spec"), "acme") is not { } acme)
        {
            return;
        }

        var providers = List(Map(acme, "dns01"), "providers").OfType<JsonObject>().ToList();
        // Existing v1 solvers keep their place; new ones are appended to them. Added as JsonNode: Add<T> would serialize by reflection.
        var solvers = acme["solvers"] as JsonArray ?? [];
        var used = new HashSet<string>();
        foreach (var (solver, domains) in references.For(issuer))
        {
            var selector = new JsonObject { ["dnsNames"] = new JsonArray([.. domains.Select(d => (JsonNode?)d)]) };
            if (solver.Dns01Provider is { } name)
            {
                var provider = providers.FirstOrDefault(p => Str(p, "name") == name)
                    ?? throw new LegacyConversionException($"a Certificate uses dns01 provider \"{name}\", which {Str(issuer, "kind")} {Name(issuer)} does not define in spec.acme.dns01.providers");
                used.Add(name);
                solvers.Add((JsonNode)new JsonObject { ["selector"] = selector, ["dns01"] = WithoutName(provider) });
            }
            else
            {
                solvers.Add((JsonNode)new JsonObject { ["selector"] = selector, ["http01"] = Http01(solver) });
            }
        }

        foreach (var unused in providers.Where(p => !used.Contains(Str(p, "name") ?? "")))
        {
            solvers.Add((JsonNode)new JsonObject { ["dns01"] = WithoutName(unused) });
        }

        if (acme.ContainsKey("http01"))
        {
            solvers.Add((JsonNode)new JsonObject { ["http01"] = new JsonObject { ["ingress"] = new JsonObject() } });
        }

        Replace(acme, ["http01", "dns01"], "solvers", solvers.Count > 0 ? solvers : null);
    }

    private static JsonObject Http01(LegacySolver solver)
    {
        var ingress = new JsonObject();
        if (solver.IngressClass is { } ingressClass)
        {
            ingress["class"] = ingressClass;
        }

        if (solver.IngressName is { } ingressName)
        {
            ingress["name"] = ingressName;
        }

        return new JsonObject { ["ingress"] = ingress };
    }

    private static void ConvertCertificate(JsonObject certificate)
    {
        if (Map(certificate, "spec") is not { } spec)
        {
            return;
        }

        spec.Remove("acme");
        var privateKey = new JsonObject();
        if (spec["keyAlgorithm"] is { } algorithm)
        {
            privateKey["algorithm"] = Text(algorithm).ToUpperInvariant() switch
            {
                "ECDSA" => "ECDSA",
                "RSA" => "RSA",
                var other => throw new LegacyConversionException($"Certificate {Name(certificate)}: keyAlgorithm \"{other}\" is neither rsa nor ecdsa"),
            };
        }

        if (spec["keySize"] is { } size)
        {
            privateKey["size"] = int.Parse(Text(size), NumberStyles.Integer, CultureInfo.InvariantCulture);
        }

        if (spec["keyEncoding"] is { } encoding)
        {
            privateKey["encoding"] = Text(encoding).ToUpperInvariant();
        }

        Replace(spec, ["keyAlgorithm", "keySize", "keyEncoding"], "privateKey", privateKey.Count > 0 ? privateKey : null);
        if (spec["organization"] is { } organizations)
        {
            var subject = Map(spec, "subject") ?? [];
            subject["organizations"] = organizations.DeepClone();
            Replace(spec, ["organization"], "subject", subject);
        }
        else
        {
            spec.Remove("organization");
        }
    }

    /// <summary>
    /// Removes the <paramref name="replaced"/> fields and puts <paramref name="value"/> (unless null) at
    /// <paramref name="key"/>: in its place if the key exists, else where the last of the replaced fields
    /// (in the order given) was, else at the end. Converted fields stay where the user wrote them.
    /// </summary>
    private static void Replace(JsonObject map, IReadOnlyList<string> replaced, string key, JsonNode? value)
    {
        var anchor = replaced.LastOrDefault(map.ContainsKey);
        var index = anchor is null ? map.Count : map.Take(map.IndexOf(anchor)).Count(p => !replaced.Contains(p.Key));
        foreach (var name in replaced)
        {
            map.Remove(name);
        }

        if (value is null || ReferenceEquals(map[key], value))
        {
            return;
        }

        if (map.ContainsKey(key))
        {
            map[key] = value;
        }
        else
        {
            map.Insert(Math.Min(index, map.Count), key, value);
        }
    }

    private static JsonObject WithoutName(JsonObject provider) =>
        new(provider.Where(p => p.Key != "name").Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

    internal static JsonObject? Map(JsonObject? map, string key) => map?[key] as JsonObject;

    internal static IEnumerable<JsonNode?> List(JsonObject? map, string key) => map?[key] as JsonArray ?? [];

    internal static string? Str(JsonObject? map, string key) => map?[key] is { } value ? Text(value) : null;

    /// <summary>A scalar as text, whatever its YAML type (<c>keySize: 384</c> and <c>keySize: "384"</c> alike).</summary>
    internal static string Text(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();

    internal static string Name(JsonObject document) => Str(Map(document, "metadata"), "name") ?? "(unnamed)";
}
