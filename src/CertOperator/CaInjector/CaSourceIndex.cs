using CertOperator.Crds.Certificates;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Model;

namespace CertOperator.CaInjector;

/// <summary>
/// One index over injectables by the object their CA comes from ("Secret:ns/name" or "Certificate:ns/name"), so a
/// Certificate, a Secret named directly, or a Secret whose certificate-name annotation names a Certificate wakes
/// exactly the injectables that read it.
/// </summary>
internal static class CaSourceIndex
{
    public const string Name = "ca-injection-source";

    public static IEnumerable<string> OfInjectable(IKubernetesObject injectable)
    {
        var source = CaSourceSelection.Select(injectable.Metadata.Annotations.OrEmpty());
        return source.Reference is { } reference ? [Value(source.Kind, reference)] : [];
    }

    public static IEnumerable<string> OfCertificate(Certificate certificate) =>
        [Value(CaSourceKind.Certificate, ObjectKey.Of(certificate))];

    /// <summary>A Secret counts as itself, and as the Certificate its certificate-name annotation names (a renewal rewrites it).</summary>
    public static IEnumerable<string> OfSecret(PartialObjectMetadata secret)
    {
        var key = ObjectKey.Of(secret);
        yield return Value(CaSourceKind.Secret, key);
        if (secret.Metadata.Annotations?.GetOrDefault(CertManagerAnnotations.CertificateName) is { Length: > 0 } certificate)
        {
            yield return Value(CaSourceKind.Certificate, new ObjectKey(key.Namespace, certificate));
        }
    }

    private static string Value(CaSourceKind kind, ObjectKey reference) => $"{kind}:{reference}";
}
