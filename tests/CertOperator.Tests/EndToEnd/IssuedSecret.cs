using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace CertOperator.Tests.EndToEnd;

/// <summary>A TLS Secret as read back with kubectl: the decoded PEMs and the leaf certificate.</summary>
public sealed class IssuedSecret : IDisposable
{
    private IssuedSecret(JsonNode secret)
    {
        Json = secret;
        var data = secret["data"]!.AsObject();
        TlsCrt = Decode(data["tls.crt"]);
        TlsKey = Decode(data["tls.key"]);
        CaCrt = data["ca.crt"] is { } ca ? Decode(ca) : null;
        Leaf = X509Certificate2.CreateFromPem(TlsCrt);
    }

    public JsonNode Json { get; }

    public string TlsCrt { get; }

    public string TlsKey { get; }

    public string? CaCrt { get; }

    public X509Certificate2 Leaf { get; }

    public static IssuedSecret From(JsonNode secret) => new(secret);

    public IReadOnlyList<string> DnsNames =>
        Leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames()).ToList();

    /// <summary>Builds the chain from tls.crt to ca.crt with nothing else trusted.</summary>
    public bool ChainVerifies(out string problems)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(CaCrt ?? "");
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        var intermediates = new X509Certificate2Collection();
        intermediates.ImportFromPem(TlsCrt);
        chain.ChainPolicy.ExtraStore.AddRange(intermediates);
        var ok = chain.Build(Leaf);
        problems = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation));
        return ok;
    }

    private static string Decode(JsonNode? value) => Encoding.ASCII.GetString(Convert.FromBase64String(value!.GetValue<string>()));

    public void Dispose() => Leaf.Dispose();
}
