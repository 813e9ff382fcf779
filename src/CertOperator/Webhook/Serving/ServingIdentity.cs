namespace CertOperator.Webhook.Serving;

/// <summary>
/// Where the CA lives, what the serving certificate is for, and the clock-independent timings of both. Defaults are
/// cert-manager's dynamic serving: a one-year CA renewed with a third of its life left, seven-day leaves.
/// </summary>
internal sealed record ServingIdentity
{
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "certoperator-webhook";

    public required string SecretNamespace { get; init; }

    public required string SecretName { get; init; }

    /// <summary>DNS names (and IP addresses, for loopback tests) the serving certificate is valid for.</summary>
    public required IReadOnlyList<string> DnsNames { get; init; }

    public TimeSpan CaDuration { get; init; } = TimeSpan.FromDays(365);

    public TimeSpan LeafDuration { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a new CA must have been in the Secret before this process serves a leaf it signed: every replica
    /// writes the CA bundle into the webhook configurations within one sync, and the API server needs a moment to see it.
    /// </summary>
    public TimeSpan CaPropagationDelay { get; init; } = TimeSpan.FromMinutes(1);
}
