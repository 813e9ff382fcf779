using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Events;

namespace CertOperator.CaInjector;

/// <summary>
/// The CA a source yields, or the Event saying why none is injected. Decided without I/O, with cert-manager's rules:
/// a Certificate's Secret counts only when its certificate-name annotation names that Certificate, a Secret named
/// directly only when it carries allow-direct-injection: "true", and both need a ca.crt. A missing source leaves the
/// injected caBundle as it is, as cert-manager does.
/// </summary>
internal sealed record CaReading(byte[]? Ca, EventType Type, string Reason, string Message)
{
    public const string CertificateNotFound = "CertificateNotFound";
    public const string SecretNotFound = "SecretNotFound";
    public const string SecretNotOwned = "SecretNotOwnedByCertificate";
    public const string DirectInjectionNotAllowed = "DirectInjectionNotAllowed";
    public const string NoCaData = "NoCaData";
    public const string NoApiServerCa = "NoApiServerCa";

    public static CaReading Found(byte[] ca) => new(ca, EventType.Normal, "", "");

    public static CaReading MissingCertificate(ObjectKey certificate) =>
        Warning(CertificateNotFound,
            $"annotation {CaInjectionAnnotations.FromCertificate} names Certificate {certificate}, which does not exist: create it or point the annotation at an existing Certificate");

    /// <summary>From the Secret of Certificate <paramref name="certificate"/> (null when the Secret does not exist yet).</summary>
    public static CaReading FromCertificateSecret(ObjectKey certificate, string secretName, IReadOnlyDictionary<string, string>? annotations, IReadOnlyDictionary<string, byte[]>? data, bool exists)
    {
        var secret = $"{certificate.Namespace}/{secretName}";
        if (!exists)
        {
            return new(null, EventType.Normal, SecretNotFound,
                $"waiting for Secret {secret} of Certificate {certificate} (annotation {CaInjectionAnnotations.FromCertificate}): the CA is injected once it is issued");
        }

        var owner = annotations?.GetValueOrDefault(CertManagerAnnotations.CertificateName);
        if (owner != certificate.Name)
        {
            return Warning(SecretNotOwned,
                $"Secret {secret} named by Certificate {certificate} has {CertManagerAnnotations.CertificateName}: \"{owner}\", not \"{certificate.Name}\": "
                + "only a Secret issued for that Certificate is injected; fix the Certificate's spec.secretName or wait for it to be issued");
        }

        return WithCa(data, $"Secret {secret} of Certificate {certificate}");
    }

    /// <summary>From a Secret named by inject-ca-from-secret.</summary>
    public static CaReading FromSecret(ObjectKey secret, IReadOnlyDictionary<string, string>? annotations, IReadOnlyDictionary<string, byte[]>? data, bool exists)
    {
        if (!exists)
        {
            return Warning(SecretNotFound,
                $"annotation {CaInjectionAnnotations.FromSecret} names Secret {secret}, which does not exist: create it or point the annotation at an existing Secret");
        }

        if (annotations?.GetValueOrDefault(CaInjectionAnnotations.AllowDirectInjection) != "true")
        {
            return Warning(DirectInjectionNotAllowed,
                $"Secret {secret} named in annotation {CaInjectionAnnotations.FromSecret} does not allow injection: annotate it {CaInjectionAnnotations.AllowDirectInjection}: \"true\"");
        }

        return WithCa(data, $"Secret {secret}");
    }

    public static CaReading FromApiServer(byte[]? ca) =>
        ca is { Length: > 0 }
            ? Found(ca)
            : Warning(NoApiServerCa,
                $"annotation {CaInjectionAnnotations.ApiServerCa}: the operator's kubeconfig has no certificate-authority for the Kubernetes API; run it with one or remove the annotation");

    private static CaReading WithCa(IReadOnlyDictionary<string, byte[]>? data, string what) =>
        data?.GetValueOrDefault(CaInjectionAnnotations.CaKey) is { Length: > 0 } ca
            ? Found(ca)
            : Warning(NoCaData, $"{what} has no {CaInjectionAnnotations.CaKey}: issue it from a CA (CA or self-signed issuer) so that it holds one");

    private static CaReading Warning(string reason, string message) => new(null, EventType.Warning, reason, message);
}
