using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Certificates.Pki;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Cli.Verbs;

/// <summary>What `inspect secret` prints about a TLS Secret: the leaf's names, validity and key, the chain, and the key match.</summary>
internal static class SecretReport
{
    public static IReadOnlyList<string> Describe(Secret secret, DateTimeOffset now)
    {
        var certPem = secret.Data?.GetOrDefault("tls.crt");
        var keyPem = secret.Data?.GetOrDefault("tls.key");
        var parsed = CertificateFacts.Parse(certPem, keyPem);
        if (parsed.Certificate is not { } leaf)
        {
            return [$"Secret {secret.Metadata.NamespaceProperty}/{secret.Metadata.Name} {parsed.Message}"];
        }

        var lines = new List<string>
        {
            $"Secret:     {secret.Metadata.NamespaceProperty}/{secret.Metadata.Name}",
            $"Subject:    {Subject(certPem!)}",
            $"DNS names:  {Join(leaf.DnsNames)}",
            $"IPs:        {Join(leaf.IpAddresses)}",
            $"URIs:       {Join(leaf.Uris)}",
            $"Emails:     {Join(leaf.EmailAddresses)}",
            $"Issuer:     {leaf.IssuerName}",
            $"Not before: {Time(leaf.NotBefore)}",
            $"Not after:  {Time(leaf.NotAfter)} ({Validity(leaf.NotAfter, now)})",
            $"Serial:     {leaf.SerialNumber}",
            $"Key:        {leaf.KeyAlgorithm} {leaf.KeySize.ToString(CultureInfo.InvariantCulture)}",
            $"CA:         {(leaf.IsCA ? "yes" : "no")}",
            "Chain:",
        };
        lines.AddRange(Chain(certPem!).Select((link, i) => $"  {i.ToString(CultureInfo.InvariantCulture)}: {link}"));
        lines.Add($"tls.key:    {KeyVerdict(keyPem, parsed)}");
        return lines;
    }

    /// <summary>One line for `status`: expiry and SANs, or why there is nothing to show.</summary>
    public static string Summary(Secret? secret, DateTimeOffset now)
    {
        if (secret is null)
        {
            return "does not exist";
        }

        var parsed = CertificateFacts.Parse(secret.Data?.GetOrDefault("tls.crt"), secret.Data?.GetOrDefault("tls.key"));
        return parsed.Certificate is { } leaf
            ? $"expires {Time(leaf.NotAfter)} ({Validity(leaf.NotAfter, now)}); DNS names: {Join(leaf.DnsNames)}; IPs: {Join(leaf.IpAddresses)}"
            : $"{parsed.Message}";
    }

    public static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    private static string Validity(DateTimeOffset notAfter, DateTimeOffset now) => notAfter <= now
        ? "expired"
        : $"valid for {((int)(notAfter - now).TotalDays).ToString(CultureInfo.InvariantCulture)} days";

    private static string Join(IReadOnlyList<string> values) => values.Count == 0 ? "-" : string.Join(", ", values);

    private static string Subject(byte[] certPem)
    {
        using var leaf = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(certPem));
        return leaf.Subject.Length == 0 ? "(empty)" : leaf.Subject;
    }

    private static List<string> Chain(byte[] certPem)
    {
        var all = new X509Certificate2Collection();
        all.ImportFromPem(Encoding.ASCII.GetString(certPem));
        var links = all.Select(c => $"{(c.Subject.Length == 0 ? "(empty)" : c.Subject)} → {c.Issuer}").ToList();
        foreach (var certificate in all)
        {
            certificate.Dispose();
        }

        return links;
    }

    private static string KeyVerdict(byte[]? keyPem, CertificateFactsResult parsed) => (keyPem, parsed.Facts) switch
    {
        (null or [], _) => "missing",
        (_, { KeyMatchesCertificate: true }) => "matches the certificate",
        _ => parsed.Message ?? "does not match the certificate",
    };
}
