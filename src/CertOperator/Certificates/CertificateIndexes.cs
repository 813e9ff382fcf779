using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.WellKnown;
using CertOperator.Issuers;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Certificates;

/// <summary>Secondary indexes the certificate controllers share; registered once on the shared informers.</summary>
internal static class CertificateIndexes
{
    /// <summary>Certificates by "namespace/spec.secretName": a Secret change wakes the Certificates writing to it.</summary>
    public const string BySecretName = "certificate-by-secret";

    /// <summary>CertificateRequests by "namespace/certificate-name" annotation.</summary>
    public const string RequestsByCertificate = "request-by-certificate";

    /// <summary>Issuers and ClusterIssuers by "namespace/name" of every Secret they name (a ClusterIssuer's are in the cluster resource namespace).</summary>
    public const string IssuersBySecret = "issuer-by-secret";

    public static void Register(SharedInformerFactory informers, string clusterResourceNamespace)
    {
        informers.GetInformer<Certificate>().AddIndex(BySecretName, c => [SecretKey(c)]);
        informers.GetInformer<CertificateRequest>().AddIndex(RequestsByCertificate, r =>
            r.Metadata.Annotations?.GetOrDefault(CertManagerAnnotations.CertificateName) is { } name
                ? [$"{r.Metadata.NamespaceProperty}/{name}"]
                : []);
        informers.GetInformer<Issuer>().AddIndex(IssuersBySecret, i => SecretKeys(i, i.Metadata.NamespaceProperty!));
        informers.GetInformer<ClusterIssuer>().AddIndex(IssuersBySecret, i => SecretKeys(i, clusterResourceNamespace));
    }

    /// <summary>"namespace/spec.secretName" of a Certificate.</summary>
    public static string SecretKey(Certificate certificate) => $"{certificate.Metadata.NamespaceProperty}/{certificate.Spec.SecretName}";

    /// <summary>"namespace/name" of each Secret an issuer names, its Secrets living in <paramref name="ns"/>.</summary>
    public static IEnumerable<string> SecretKeys(IIssuerObject issuer, string ns) =>
        IssuerSecretReferences.Of(issuer.Spec).Select(r => $"{ns}/{r.SecretName}").Distinct(StringComparer.Ordinal);
}
