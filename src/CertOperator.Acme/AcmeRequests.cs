using CertOperator.Acme.Model;

namespace CertOperator.Acme;

/// <summary>What to register: contacts (mailto: URIs), ToS agreement and, if the CA needs it, EAB.</summary>
public sealed record AcmeAccountRequest
{
    public IReadOnlyList<string> Contact { get; init; } = [];

    public required bool TermsOfServiceAgreed { get; init; }

    public ExternalAccountBinding? ExternalAccountBinding { get; init; }
}

/// <summary>A new order: identifiers plus optional profile and the ARI certificate id it replaces.</summary>
public sealed record AcmeOrderRequest
{
    public required IReadOnlyList<AcmeIdentifier> Identifiers { get; init; }

    public string? Profile { get; init; }

    public string? Replaces { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? NotAfter { get; init; }
}
