namespace CertOperator.Certificates.Policies;

/// <summary>A decision with the reason and message that end up on the Certificate's conditions.</summary>
internal sealed record PolicyResult(string Reason, string Message);
