using System.Text.Json.Nodes;

namespace CertOperator.Cli.Verbs;

/// <summary>A v0.x per-Certificate solver choice: a dns01 provider name, or http01 with an ingress class or name.</summary>
internal sealed record LegacySolver(string? Dns01Provider, string? IngressClass, string? IngressName);

/// <summary>Which solvers legacy Certificates chose on each issuer, with the domains each solver must cover.</summary>
internal sealed class LegacySolverReferences
{
    private readonly Dictionary<string, Dictionary<LegacySolver, List<string>>> _byIssuer = [];

    public static LegacySolverReferences Collect(IEnumerable<JsonObject> certificates)
    {
        var references = new LegacySolverReferences();
        foreach (var certificate in certificates)
        {
            var spec = LegacyConverter.Map(certificate, "spec");
            var issuerRef = LegacyConverter.Map(spec, "issuerRef");
            var kind = LegacyConverter.Str(issuerRef, "kind") ?? "Issuer";
            var issuerKey = Key(kind, LegacyConverter.Str(issuerRef, "name"), LegacyConverter.Str(LegacyConverter.Map(certificate, "metadata"), "namespace"));
            foreach (var config in LegacyConverter.List(LegacyConverter.Map(spec, "acme"), "config").OfType<JsonObject>())
            {
                var domains = LegacyConverter.List(config, "domains").Select(d => d is null ? "" : LegacyConverter.Text(d)).ToList();
                var http01 = LegacyConverter.Map(config, "http01");
                var solver = new LegacySolver(
                    LegacyConverter.Str(LegacyConverter.Map(config, "dns01"), "provider"),
                    LegacyConverter.Str(http01, "ingressClass"),
                    LegacyConverter.Str(http01, "ingress"));
                references.Add(issuerKey, solver, domains);
            }
        }

        return references;
    }

    /// <summary>The solvers Certificates chose on <paramref name="issuer"/>, in first-use order.</summary>
    public IEnumerable<(LegacySolver Solver, IReadOnlyList<string> Domains)> For(JsonObject issuer)
    {
        var metadata = LegacyConverter.Map(issuer, "metadata");
        var key = Key(LegacyConverter.Str(issuer, "kind")!, LegacyConverter.Str(metadata, "name"), LegacyConverter.Str(metadata, "namespace"));
        return _byIssuer.TryGetValue(key, out var solvers) ? solvers.Select(s => (s.Key, (IReadOnlyList<string>)s.Value)) : [];
    }

    private void Add(string issuerKey, LegacySolver solver, List<string> domains)
    {
        var solvers = _byIssuer.TryGetValue(issuerKey, out var existing) ? existing : _byIssuer[issuerKey] = [];
        var names = solvers.TryGetValue(solver, out var list) ? list : solvers[solver] = [];
        names.AddRange(domains.Where(d => !names.Contains(d)));
    }

    /// <summary>ClusterIssuers are matched by name; Issuers by name within the Certificate's namespace.</summary>
    private static string Key(string kind, string? name, string? ns) => kind == "ClusterIssuer" ? $"ClusterIssuer/{name}" : $"Issuer/{ns}/{name}";
}
