using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;

namespace CertOperator.Certificates.Ari;

/// <summary>The suggested renewal window last recorded in status.acme.ari, with the certificate's fraction of it.</summary>
internal sealed record AriWindow(DateTimeOffset Start, DateTimeOffset End, double Fraction)
{
    /// <summary>
    /// The recorded window for the certificate in the Secret, or null without one, without an ARI identifier, or when
    /// it was fetched before this certificate was issued (its predecessor's, until the next poll).
    /// </summary>
    public static AriWindow? Of(CertificateAcmeStatus? acme, CertificateFacts? facts, IAriRandom random) =>
        acme?.Ari?.SuggestedWindow is { } window && facts?.AriCertificateId is { } id && AriPolling.AnswersFor(acme.Ari, facts.NotBefore)
            ? new AriWindow(window.Start, window.End, random.WindowFraction(id))
            : null;
}
