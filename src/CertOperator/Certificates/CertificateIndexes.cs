using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes.Informers;

namespace CertOperator.Certificates;

/// <summary>Secondary indexes the certificate controllers share; registered once on the shared informers.</summary>
internal static class CertificateIndexes
{
    /// <summary>Certificates by "namespace/spec.secretName": a Secret change wakes the Certificates writing to it.</summary>
    public const string BySecretName = "certificate-by-secret";

    /// <summary>CertificateRequests by "namespace/certificate-name" annotation.</summary>
    public const string RequestsByCertificate = "request-by-certificate";

    public static void Register(SharedInformerFactory informers)
    {
        informers.GetInformer<Certificate>().AddIndex(BySecretName, c => [$"{c.Metadata.Namespace}/{c.Spec.SecretName}"]);
        informers.GetInformer<CertificateRequest>().AddIndex(RequestsByCertificate, r =>
            r.Metadata.Annotations?.GetValueOrDefault(CertManagerAnnotations.CertificateName) is { } name
                ? [$"{r.Metadata.Namespace}/{name}"]
                : []);
    }
}
