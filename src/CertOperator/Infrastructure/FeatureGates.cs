namespace CertOperator.Infrastructure;

/// <summary>
/// cert-manager's controller feature gates that change what this operator does, from `--feature-gates` (cert-manager's
/// `Name=true,Other=false` syntax). Gates cert-manager has but this operator has nothing to switch are accepted and
/// reported, so a cert-manager command line keeps working.
/// </summary>
internal sealed record FeatureGates
{
    /// <summary>cert-manager's gate name for ACME Renewal Information (RFC 9773); Alpha and off by default in 1.21.</summary>
    public const string AcmeUseAriName = "ACMEUseARI";

    public static FeatureGates Default { get; } = new();

    /// <summary>Poll the ACME server's renewalInfo, renew in its suggested window, and send `replaces` in new orders.</summary>
    public bool AcmeUseAri { get; init; }

    /// <summary>Gates named on the command line that this operator does not act on.</summary>
    public IReadOnlyList<string> Ignored { get; init; } = [];

    /// <summary>Parses `A=true,B=false`; null with <paramref name="error"/> when an entry is not `Name=bool`.</summary>
    public static FeatureGates? Parse(string? text, out string? error)
    {
        error = null;
        var gates = Default;
        var ignored = new List<string>();
        foreach (var entry in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || !bool.TryParse(parts[1], out var enabled))
            {
                error = $"\"{entry}\" is not Name=true or Name=false";
                return null;
            }

            if (parts[0] == AcmeUseAriName)
            {
                gates = gates with { AcmeUseAri = enabled };
            }
            else
            {
                ignored.Add(parts[0]);
            }
        }

        return gates with { Ignored = ignored };
    }
}
