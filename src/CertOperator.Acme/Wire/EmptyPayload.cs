namespace CertOperator.Acme.Wire;

/// <summary>The "{}" body that tells the server a challenge is ready (RFC 8555 §7.5.1).</summary>
internal sealed record EmptyPayload;
