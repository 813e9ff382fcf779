using System.Text.Json.Serialization;

namespace CertOperator.Acme.Model;

/// <summary>ACME Renewal Information (RFC 9773 §4.2): when the CA suggests renewing a certificate.</summary>
public sealed record AcmeRenewalInfo
{
    public required AcmeRenewalWindow SuggestedWindow { get; init; }

    [JsonPropertyName("explanationURL")]
    public Uri? ExplanationUrl { get; init; }

    /// <summary>When to ask again (the response's Retry-After), if the server said.</summary>
    [JsonIgnore]
    public DateTimeOffset? RetryAfter { get; init; }
}

public sealed record AcmeRenewalWindow
{
    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    /// <summary>
    /// A uniformly random instant in the window (RFC 9773 §4.2 asks clients to spread renewals);
    /// a window already over yields <paramref name="now"/>.
    /// </summary>
    public DateTimeOffset PickRenewalTime(DateTimeOffset now, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (End <= Start)
        {
            return Start > now ? Start : now;
        }

        var picked = Start + TimeSpan.FromTicks((long)(random.NextDouble() * (End - Start).Ticks));
        return picked < now ? now : picked;
    }
}
