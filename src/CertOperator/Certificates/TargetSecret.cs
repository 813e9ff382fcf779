using CertOperator.Certificates.Pki;
using CertOperator.Certificates.Policies;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Certificates;

/// <summary>
/// Builds the kubernetes.io/tls Secret a Certificate owns the content of: our data keys, cert-manager's
/// annotations and label, the secretTemplate, and every key a user added themselves, untouched.
/// </summary>
internal static class TargetSecret
{
    private static readonly string[] ManagedKeys =
    [
        SecretOutputs.TlsCrt, SecretOutputs.TlsKey, SecretOutputs.CaCrt, SecretOutputs.CombinedPem,
        SecretOutputs.KeyDer, SecretOutputs.Keystore, SecretOutputs.Truststore,
    ];

    public static Secret Build(Certificate certificate, Secret? existing, IReadOnlyDictionary<string, byte[]> outputs, CertificateFacts facts)
    {
        var data = new Dictionary<string, byte[]>((existing?.Data).OrEmpty(), StringComparer.Ordinal);
        foreach (var key in ManagedKeys)
        {
            data.Remove(key);
        }

        foreach (var (key, value) in outputs)
        {
            data[key] = value;
        }

        var spec = certificate.Spec;
        var annotations = new Dictionary<string, string>((existing?.Metadata.Annotations).OrEmpty(), StringComparer.Ordinal);
        var labels = new Dictionary<string, string>((existing?.Metadata.Labels).OrEmpty(), StringComparer.Ordinal);
        foreach (var (k, v) in spec.SecretTemplate?.Annotations ?? [])
        {
            annotations[k] = v;
        }

        foreach (var (k, v) in spec.SecretTemplate?.Labels ?? [])
        {
            labels[k] = v;
        }

        foreach (var (k, v) in Annotations(certificate, facts))
        {
            annotations[k] = v;
        }

        labels[CertManagerLabels.PartOfCertManagerController] = "true";
        return new Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = spec.SecretName,
                NamespaceProperty = certificate.Metadata.NamespaceProperty,
                Annotations = annotations,
                Labels = labels,
                OwnerReferences = existing?.Metadata.OwnerReferences,
                ResourceVersion = existing?.Metadata.ResourceVersion,
            },
            Type = existing?.Type ?? "kubernetes.io/tls",
            Data = data,
        };
    }

    /// <summary>cert-manager's Secret annotations, describing the issued certificate (not the request).</summary>
    public static Dictionary<string, string> Annotations(Certificate certificate, CertificateFacts facts)
    {
        var issuer = certificate.Spec.IssuerRef;
        return new(StringComparer.Ordinal)
        {
            [CertManagerAnnotations.CertificateName] = certificate.Metadata.Name!,
            [CertManagerAnnotations.IssuerName] = issuer.Name,
            [CertManagerAnnotations.IssuerKind] = Normalise.Kind(issuer.Kind),
            [CertManagerAnnotations.IssuerGroup] = Normalise.Group(issuer.Group),
            [CertManagerAnnotations.CommonName] = facts.CommonName ?? "",
            [CertManagerAnnotations.AltNames] = string.Join(',', facts.DnsNames),
            [CertManagerAnnotations.IpSans] = string.Join(',', facts.IpAddresses),
            [CertManagerAnnotations.UriSans] = string.Join(',', facts.Uris),
            [CertManagerAnnotations.EmailSans] = string.Join(',', facts.EmailAddresses),
        };
    }
}
