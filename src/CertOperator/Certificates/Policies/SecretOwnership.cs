using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.WellKnown;
using CertOperator.Issuers;

namespace CertOperator.Certificates.Policies;

/// <summary>
/// Decides whether a Certificate may write the Secret named in its spec.secretName. It may when the Secret
/// is absent, already ours (cert-manager's certificate-name annotation or our controller ownerReference), or
/// an empty or kubernetes.io/tls Secret nobody else claims. It never overwrites a Secret of another type or
/// with other data, one an issuer keeps a key or credential in, or another Certificate's.
/// </summary>
internal static class SecretOwnership
{
    public const string SecretInUse = "SecretInUse";
    public const string DuplicateSecretName = "DuplicateSecretName";
    public const string SecretConflictReason = "SecretConflict";

    private const string TlsType = "kubernetes.io/tls";
    private const string OpaqueType = "Opaque";

    /// <summary>What a kubernetes.io/tls Secret nobody claims may hold and still be taken over.</summary>
    private static readonly HashSet<string> PlainTlsKeys = [SecretOutputs.TlsCrt, SecretOutputs.TlsKey, SecretOutputs.CaCrt];

    /// <summary>Everything a Certificate writes, which a Secret left behind by a deleted Certificate may hold.</summary>
    private static readonly HashSet<string> CertificateKeys =
    [
        .. PlainTlsKeys, SecretOutputs.CombinedPem, SecretOutputs.KeyDer,
        SecretOutputs.Keystore, SecretOutputs.Truststore, SecretOutputs.JksKeystore, SecretOutputs.JksTruststore,
    ];

    /// <summary>Null when the Secret is free for this Certificate; otherwise the conflict, blocking or merely reported.</summary>
    public static SecretConflict? Decide(SecretOwnershipInput input)
    {
        var name = input.Certificate.Spec.SecretName;
        // An issuer's account key or credential is never a certificate's, whoever wrote it last.
        if (input.IssuerUses.FirstOrDefault(u => u.Reference.Role != IssuerSecretRole.CaKeyPair) is { } credential)
        {
            return InUse(name, credential);
        }

        if (input.Secret is not { } secret)
        {
            return FirstComerDecides(input, name);
        }

        if (IsOurs(input.Certificate, secret))
        {
            // A CA Issuer signing with the key pair this Certificate issues is the usual CA bootstrap, not a conflict.
            return input.OtherCertificates.Count == 0 ? null : KeptFrom(input.OtherCertificates, name);
        }

        return ClaimedByAnother(input, secret, name)
            ?? (input.IssuerUses.Count > 0 ? InUse(name, input.IssuerUses[0]) : null)
            ?? NotACertificateSecret(input.Certificate, secret, name)
            ?? FirstComerDecides(input, name);
    }

    private static bool IsOurs(Certificate certificate, ExistingSecret secret) =>
        secret.Annotations.GetValueOrDefault(CertManagerAnnotations.CertificateName) == certificate.Metadata.Name
        || secret.OwnerReferences.Any(o => o.Controller == true && o.Uid == certificate.Metadata.Uid);

    private static SecretConflict InUse(string name, IssuerSecretUse use) => new(SecretInUse,
        $"spec.secretName: Secret \"{name}\" is {use.Reference.Describe()} of {use.IssuerKind} \"{use.IssuerName}\" ({use.Reference.Field}); choose another secretName",
        Blocks: true);

    /// <summary>A Secret claimed by another live Certificate (annotation or controller reference) or by another controller.</summary>
    private static SecretConflict? ClaimedByAnother(SecretOwnershipInput input, ExistingSecret secret, string name)
    {
        if (secret.Annotations.GetValueOrDefault(CertManagerAnnotations.CertificateName) is { } owner
            && input.OtherCertificates.Any(c => c.Metadata.Name == owner))
        {
            return new(DuplicateSecretName,
                $"spec.secretName: Secret \"{name}\" belongs to Certificate \"{owner}\", which also names it in spec.secretName; choose another secretName for one of them",
                Blocks: true);
        }

        if (secret.OwnerReferences.FirstOrDefault(o => o.Controller == true) is { } controller)
        {
            return new(SecretConflictReason,
                $"spec.secretName: Secret \"{name}\" is controlled by {controller.Kind} \"{controller.Name}\" (ownerReferences); choose another secretName",
                Blocks: true);
        }

        return null;
    }

    /// <summary>A Secret no Certificate made: taken over only when empty, or a kubernetes.io/tls Secret with nothing but a key pair.</summary>
    private static SecretConflict? NotACertificateSecret(Certificate certificate, ExistingSecret secret, string name)
    {
        var type = string.IsNullOrEmpty(secret.Type) ? OpaqueType : secret.Type;
        string? problem = null;
        if (type != TlsType && type != OpaqueType)
        {
            problem = $"has type \"{type}\", which cannot hold a certificate";
        }
        else if (type == OpaqueType && secret.DataKeys.Count > 0)
        {
            problem = $"has type \"{type}\" and already holds data ({Keys(secret.DataKeys)})";
        }
        else if (ExtraKeys(secret) is { Count: > 0 } extra)
        {
            problem = $"holds data besides a certificate ({Keys(extra)}) and no Certificate claims it";
        }
        else if (secret.Immutable)
        {
            problem = "is immutable";
        }

        return problem is null ? null : new(SecretConflictReason,
            $"spec.secretName: Secret \"{name}\" {problem}; choose another secretName, or to hand it over set its annotation "
            + $"{CertManagerAnnotations.CertificateName}: \"{certificate.Metadata.Name}\"",
            Blocks: true);
    }

    /// <summary>A Secret left by a Certificate that no longer names it may hold all we write; any other only a key pair.</summary>
    private static List<string> ExtraKeys(ExistingSecret secret)
    {
        var allowed = secret.Annotations.ContainsKey(CertManagerAnnotations.CertificateName) ? CertificateKeys : PlainTlsKeys;
        return [.. secret.DataKeys.Where(k => !allowed.Contains(k))];
    }

    /// <summary>
    /// A Secret free for the taking but named by several Certificates goes to the one created first, so
    /// they do not take turns overwriting it; the others are refused until it is theirs alone.
    /// </summary>
    private static SecretConflict? FirstComerDecides(SecretOwnershipInput input, string name)
    {
        if (input.OtherCertificates.Count == 0)
        {
            return null;
        }

        var first = input.OtherCertificates.Append(input.Certificate)
            .OrderBy(c => c.Metadata.CreationTimestamp ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.Metadata.Name, StringComparer.Ordinal)
            .First();
        return first == input.Certificate
            ? KeptFrom(input.OtherCertificates, name)
            : new(DuplicateSecretName,
                $"spec.secretName: Secret \"{name}\" is also the spec.secretName of Certificate \"{first.Metadata.Name}\", which was created first and writes it; choose another secretName for one of them",
                Blocks: true);
    }

    /// <summary>Reported, not blocking: this Certificate writes the Secret and the others named in it may not.</summary>
    private static SecretConflict KeptFrom(IReadOnlyList<Certificate> others, string name) => new(DuplicateSecretName,
        $"Secret \"{name}\" is also the spec.secretName of {List(others)}, which may not write it while this Certificate owns it", Blocks: false);

    private static string List(IEnumerable<Certificate> certificates) =>
        string.Join(", ", certificates.Select(c => c.Metadata.Name).Order(StringComparer.Ordinal).Select(n => $"Certificate \"{n}\""));

    private static string Keys(IEnumerable<string> keys) => $"keys {string.Join(", ", keys.Order(StringComparer.Ordinal))}";
}
