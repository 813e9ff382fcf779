using CertOperator.Certificates.Ari;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;

namespace CertOperator.Certificates.Policies;

/// <summary>
/// What the trigger and readiness decisions look at, gathered by the controllers: the Certificate,
/// its Secret as parsed facts (or why it could not be parsed), the CertificateRequest of the
/// current revision when it still exists, whether anyone else claims the Secret, and (with ACMEUseARI) the ACME
/// server's suggested renewal window.
/// </summary>
internal sealed record IssuanceInput(
    Certificate Certificate,
    SecretState? Secret,
    CertificateRequest? CurrentRequest,
    DateTimeOffset Now,
    SecretConflict? SecretConflict = null,
    AriWindow? Ari = null);

/// <summary>The Certificate's target Secret: its annotations and the parsed certificate, or why parsing failed.</summary>
internal sealed record SecretState(
    IReadOnlyDictionary<string, string> Annotations,
    CertificateFacts? Facts,
    string? ProblemReason,
    string? ProblemMessage);
