using System.Text;
using CertOperator.Certificates;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.WellKnown;
using CertOperator.Issuers;
using CertOperator.Issuers.Vault;
using CertOperator.Kubernetes.Model;

namespace CertOperator.CertificateRequests;

/// <summary>
/// The outcome of trying to sign: a certificate, a wait for something missing, or a failure. A wait with
/// <paramref name="Retry"/> is tried again with the error backoff, for what nothing watched will signal (a remote issuer).
/// </summary>
internal sealed record SigningOutcome(SignedCertificate? Signed, string? PendingMessage, PkiError? Failure, bool Retry = false);

/// <summary>
/// Signs a CertificateRequest with a SelfSigned or CA issuer locally, or hands it to Vault. Local key Secrets are
/// fetched once per version the Secret cache shows, not once per signature.
/// </summary>
internal sealed class RequestSigner(CertificateStore store, IssuerLookup issuers, VaultRequestSigner vault, TimeProvider time)
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromDays(90);

    public async Task<SigningOutcome> SignAsync(CertificateRequest request, IIssuerObject issuer, CancellationToken ct)
    {
        var duration = DefaultDuration;
        if (!string.IsNullOrEmpty(request.Spec.Duration))
        {
            var parsed = GoDuration.Parse(request.Spec.Duration, "spec.duration");
            if (!parsed.Ok)
            {
                return new(null, null, parsed.Error);
            }

            duration = parsed.Value;
        }

        var csrPem = Encoding.ASCII.GetString(Convert.FromBase64String(request.Spec.Request));
        if (issuer.Spec.Vault is not null)
        {
            return await vault.SignAsync(issuer, csrPem, duration, ct);
        }

        var now = time.GetUtcNow();
        if (issuer.Spec.SelfSigned is not null)
        {
            var keySecretName = request.Metadata.Annotations?.GetOrDefault(CertManagerAnnotations.PrivateKeySecretName);
            if (keySecretName is null)
            {
                return new(null, null, new PkiError(PkiError.InvalidCsr,
                    $"the request has no {CertManagerAnnotations.PrivateKeySecretName} annotation naming the Secret with the key to self-sign with"));
            }

            var key = Text(await store.GetKeySecretAsync(request.Metadata.NamespaceProperty!, keySecretName, ct), "tls.key");
            return key is null
                ? new(null, $"Waiting for the private key Secret \"{keySecretName}\" (key tls.key) to exist", null)
                : FromResult(Signer.SelfSign(csrPem, key, duration, now, RequestTerms.From(request.Spec)));
        }

        if (issuer.Spec.Ca is { } ca)
        {
            var ns = issuers.SecretNamespace(issuer);
            var secret = await store.GetKeySecretAsync(ns, ca.SecretName, ct);
            var (cert, key) = (Text(secret, "tls.crt"), Text(secret, "tls.key"));
            return cert is null || key is null
                ? new(null, $"Waiting for the CA Secret \"{ns}/{ca.SecretName}\" with tls.crt and tls.key", null)
                : FromResult(Signer.SignWithCa(csrPem, cert, key, duration, now, RequestTerms.From(request.Spec)));
        }

        return new(null, null, new PkiError(PkiError.InvalidSpec, "the issuer has none of spec.selfSigned, spec.ca or spec.vault configured"));
    }

    private static SigningOutcome FromResult(PkiResult<SignedCertificate> result) =>
        result.Ok ? new(result.Value, null, null) : new(null, null, result.Error);

    private static string? Text(Secret? secret, string dataKey) =>
        secret?.Data?.GetOrDefault(dataKey) is { } bytes ? Encoding.ASCII.GetString(bytes) : null;
}
