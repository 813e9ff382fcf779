using CertOperator.Crds.Certificates;

namespace CertOperator.IngressShim;

/// <summary>
/// What an Ingress asks for. <see cref="Managed"/> false: it names no issuer. <see cref="Blocked"/>: an
/// Ingress-wide error (issuer, annotations, duplicate secretName); change no Certificate. Otherwise keep
/// <see cref="Certificates"/>; each of <see cref="Warnings"/> explains an entry that was skipped.
/// </summary>
internal sealed record IngressCertificatePlan(bool Managed, bool Blocked, IReadOnlyList<Certificate> Certificates, IReadOnlyList<string> Warnings)
{
    public static IngressCertificatePlan Unmanaged { get; } = new(false, false, [], []);

    public static IngressCertificatePlan Stop(IEnumerable<string> errors) => new(true, true, [], [.. errors]);
}
