using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

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

        var serializer = new SerializerBuilder().WithQuotingNecessaryStrings().Build();
        return string.Join("---\n", documents.Select(d => serializer.Serialize(d)));
    }

    public static List<Dictionary<object, object?>> Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build();
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var documents = new List<Dictionary<object, object?>>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (deserializer.Deserialize<object?>(parser) is Dictionary<object, object?> document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    private static void ConvertIssuer(Dictionary<object, object?> issuer, LegacySolverReferences references)
    {
        if (Map(Map(issuer, "spec"), "acme") is not { } acme)
        {
            return;
        }

        var hasHttp01 = acme.Remove("http01");
        var providers = (Map(acme, "dns01")?.GetValueOrDefault("providers") as List<object?> ?? []).OfType<Dictionary<object, object?>>().ToList();
        acme.Remove("dns01");
        var solvers = acme.GetValueOrDefault("solvers") as List<object?> ?? [];
        var used = new HashSet<string>();
        foreach (var (solver, domains) in references.For(issuer))
        {
            var selector = new Dictionary<object, object?> { ["dnsNames"] = domains.Cast<object?>().ToList() };
            if (solver.Dns01Provider is { } name)
            {
                var provider = providers.FirstOrDefault(p => Str(p, "name") == name)
                    ?? throw new LegacyConversionException($"a Certificate uses dns01 provider \"{name}\", which {Str(issuer, "kind")} {Name(issuer)} does not define in spec.acme.dns01.providers");
                used.Add(name);
                solvers.Add(new Dictionary<object, object?> { ["selector"] = selector, ["dns01"] = WithoutName(provider) });
            }
            else
            {
                solvers.Add(new Dictionary<object, object?> { ["selector"] = selector, ["http01"] = Http01(solver) });
            }
        }

        solvers.AddRange(providers.Where(p => !used.Contains(Str(p, "name") ?? "")).Select(p => new Dictionary<object, object?> { ["dns01"] = WithoutName(p) }));
        if (hasHttp01)
        {
            solvers.Add(new Dictionary<object, object?> { ["http01"] = new Dictionary<object, object?> { ["ingress"] = new Dictionary<object, object?>() } });
        }

        if (solvers.Count > 0)
        {
            acme["solvers"] = solvers;
        }
    }

    private static Dictionary<object, object?> Http01(LegacySolver solver)
    {
        var ingress = new Dictionary<object, object?>();
        if (solver.IngressClass is { } ingressClass)
        {
            ingress["class"] = ingressClass;
        }

        if (solver.IngressName is { } ingressName)
        {
            ingress["name"] = ingressName;
        }

        return new Dictionary<object, object?> { ["ingress"] = ingress };
    }

    private static void ConvertCertificate(Dictionary<object, object?> certificate)
    {
        if (Map(certificate, "spec") is not { } spec)
        {
            return;
        }

        spec.Remove("acme");
        var privateKey = new Dictionary<object, object?>();
        if (spec.Remove("keyAlgorithm", out var algorithm) && algorithm is not null)
        {
            privateKey["algorithm"] = System.Convert.ToString(algorithm, CultureInfo.InvariantCulture)!.ToUpperInvariant() switch
            {
                "ECDSA" => "ECDSA",
                "RSA" => "RSA",
                var other => throw new LegacyConversionException($"Certificate {Name(certificate)}: keyAlgorithm \"{other}\" is neither rsa nor ecdsa"),
            };
        }

        if (spec.Remove("keySize", out var size) && size is not null)
        {
            privateKey["size"] = System.Convert.ToInt32(size, CultureInfo.InvariantCulture);
        }

        if (spec.Remove("keyEncoding", out var encoding) && encoding is not null)
        {
            privateKey["encoding"] = System.Convert.ToString(encoding, CultureInfo.InvariantCulture)!.ToUpperInvariant();
        }

        if (privateKey.Count > 0)
        {
            spec["privateKey"] = privateKey;
        }

        if (spec.Remove("organization", out var organizations) && organizations is not null)
        {
            var subject = Map(spec, "subject") ?? [];
            subject["organizations"] = organizations;
            spec["subject"] = subject;
        }
    }

    private static Dictionary<object, object?> WithoutName(Dictionary<object, object?> provider) =>
        provider.Where(p => !Equals(p.Key, "name")).ToDictionary(p => p.Key, p => p.Value);

    internal static Dictionary<object, object?>? Map(Dictionary<object, object?>? map, string key) =>
        map?.GetValueOrDefault(key) as Dictionary<object, object?>;

    internal static string? Str(Dictionary<object, object?>? map, string key) =>
        map?.GetValueOrDefault(key) is { } value ? System.Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    internal static string Name(Dictionary<object, object?> document) => Str(Map(document, "metadata"), "name") ?? "(unnamed)";
}
