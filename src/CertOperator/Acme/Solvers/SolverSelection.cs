using CertOperator.Crds.Acme;

namespace CertOperator.Acme.Solvers;

/// <summary>
/// Picks the issuer's solver for one authorization with cert-manager's precedence: a dnsNames match
/// beats any dnsZones match, a longer matching zone beats a shorter one, more matching labels beat
/// fewer, and among equals the first listed wins. Solvers whose challenge type the CA did not offer
/// (e.g. HTTP-01 for a wildcard) are skipped.
/// </summary>
internal static class SolverSelection
{
    public const string Http01 = "http-01";
    public const string Dns01 = "dns-01";

    public sealed record Choice(AcmeChallengeSolver Solver, string ChallengeType);

    public static Choice? Select(
        IReadOnlyList<AcmeChallengeSolver> solvers, string dnsName, bool wildcard, IReadOnlyDictionary<string, string> labels, IReadOnlyCollection<string> offeredTypes)
    {
        var domain = dnsName.TrimEnd('.').ToLowerInvariant();
        Choice? best = null;
        (int, int, int) bestScore = (-1, -1, -1);
        foreach (var solver in solvers)
        {
            var type = solver.Dns01 is not null ? Dns01 : solver.Http01 is not null ? Http01 : null;
            if (type is null || !offeredTypes.Contains(type) || Score(solver.Selector, domain, wildcard, labels) is not { } score)
            {
                continue;
            }

            if (score.CompareTo(bestScore) > 0)
            {
                best = new Choice(solver, type);
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>(dnsNames matched, length of the matching zone, matching labels), or null when the selector excludes the domain.</summary>
    private static (int, int, int)? Score(CertificateDnsNameSelector? selector, string domain, bool wildcard, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is null)
        {
            return (0, 0, 0);
        }

        var matchLabels = selector.MatchLabels ?? [];
        if (matchLabels.Any(l => !labels.TryGetValue(l.Key, out var value) || value != l.Value))
        {
            return null;
        }

        var names = selector.DnsNames ?? [];
        var zones = selector.DnsZones ?? [];
        var fullName = wildcard ? $"*.{domain}" : domain;
        if (names.Any(n => Same(n, domain) || Same(n, fullName)))
        {
            return (1, 0, matchLabels.Count);
        }

        var zone = zones.Select(z => z.TrimEnd('.').ToLowerInvariant()).Where(z => domain == z || domain.EndsWith("." + z, StringComparison.Ordinal))
            .DefaultIfEmpty().Max(z => z?.Length ?? -1);
        if (zone >= 0)
        {
            return (0, zone, matchLabels.Count);
        }

        return names.Count == 0 && zones.Count == 0 ? (0, 0, matchLabels.Count) : null;
    }

    private static bool Same(string a, string b) => string.Equals(a.TrimEnd('.'), b, StringComparison.OrdinalIgnoreCase);
}
