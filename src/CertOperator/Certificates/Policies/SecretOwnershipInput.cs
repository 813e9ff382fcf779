using CertOperator.Crds.Certificates;
using CertOperator.Issuers;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Certificates.Policies;

/// <summary>
/// What decides whether a Certificate may write its spec.secretName: the Secret as it is (never its
/// values), the issuers in the Secret's namespace that name it, and the other live Certificates there
/// with the same spec.secretName.
/// </summary>
internal sealed record SecretOwnershipInput(
    Certificate Certificate,
    ExistingSecret? Secret,
    IReadOnlyList<IssuerSecretUse> IssuerUses,
    IReadOnlyList<Certificate> OtherCertificates);

/// <summary>The target Secret's type, data key names and claims; its values are deliberately absent.</summary>
internal sealed record ExistingSecret(
    string? Type,
    IReadOnlyCollection<string> DataKeys,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<V1OwnerReference> OwnerReferences,
    bool Immutable)
{
    public static ExistingSecret Of(Secret secret) => new(
        secret.Type,
        [.. secret.Data?.Keys ?? Enumerable.Empty<string>()],
        secret.Metadata.Annotations.OrEmpty(),
        [.. secret.Metadata.OwnerReferences ?? []],
        secret.Immutable == true);
}

/// <summary>An Issuer or ClusterIssuer that names the target Secret, and how.</summary>
internal sealed record IssuerSecretUse(string IssuerKind, string IssuerName, IssuerSecretReference Reference);

/// <summary>
/// Why the Certificate's Secret is contested. <paramref name="Blocks"/>: the Certificate must not write it;
/// otherwise the Certificate keeps it and the message only tells who else wants it.
/// </summary>
internal sealed record SecretConflict(string Reason, string Message, bool Blocks);
