using CertOperator.Acme.Jws;

namespace CertOperator.Acme.Wire;

/// <summary>Body of a newAccount request (RFC 8555 §7.3).</summary>
internal sealed record NewAccountPayload
{
    public IReadOnlyList<string>? Contact { get; init; }

    public bool? TermsOfServiceAgreed { get; init; }

    public bool? OnlyReturnExisting { get; init; }

    public JwsMessage? ExternalAccountBinding { get; init; }
}
