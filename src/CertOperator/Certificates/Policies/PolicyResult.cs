namespace CertOperator.Certificates.Policies;

/// <summary>
/// A decision with the reason and message that end up on the Certificate's conditions, and a Warning Event to record
/// with it when the decision was made in spite of something the user should know (renewal windows that cannot be met).
/// </summary>
internal sealed record PolicyResult(string Reason, string Message, PolicyResult? Warning = null);
