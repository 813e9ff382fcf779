using System.Net;

namespace CertOperator.Certificates.Policies;

/// <summary>Canonical forms for comparing what the spec asks for with what a certificate holds.</summary>
internal static class Normalise
{
    public static string Kind(string? kind) => string.IsNullOrEmpty(kind) ? "Issuer" : kind;

    public static string Group(string? group) => string.IsNullOrEmpty(group) ? "cert-manager.io" : group;

    public static HashSet<string> DnsNames(IEnumerable<string>? names) =>
        [.. (names ?? []).Select(n => n.TrimEnd('.').ToLowerInvariant())];

    public static HashSet<string> Emails(IEnumerable<string>? emails) =>
        [.. (emails ?? []).Select(e => e.ToLowerInvariant())];

    public static HashSet<string> IpAddresses(IEnumerable<string>? ips) =>
        [.. (ips ?? []).Select(ip => IPAddress.TryParse(ip, out var parsed) ? parsed.ToString() : ip)];

    /// <summary>The usages a spec asks for, cert-manager's defaults when none are listed.</summary>
    public static HashSet<string> Usages(IReadOnlyList<string>? usages) =>
        usages is { Count: > 0 } ? [.. usages] : [.. Pki.Usages.Default];
}
