using CertOperator.Kubernetes;

namespace CertOperator.CaInjector;

/// <summary>
/// Picks the CA source from an injectable's annotations in cert-manager's order: inject-ca-from-secret, then
/// inject-ca-from (either counts when present, even empty), then inject-apiserver-ca when exactly "true".
/// </summary>
internal static class CaSourceSelection
{
    public static CaSource Select(IReadOnlyDictionary<string, string>? annotations)
    {
        if (annotations is null)
        {
            return CaSource.None;
        }

        if (annotations.TryGetValue(CaInjectionAnnotations.FromSecret, out var secret))
        {
            return Named(CaSourceKind.Secret, CaInjectionAnnotations.FromSecret, secret, "Secret");
        }

        if (annotations.TryGetValue(CaInjectionAnnotations.FromCertificate, out var certificate))
        {
            return Named(CaSourceKind.Certificate, CaInjectionAnnotations.FromCertificate, certificate, "Certificate");
        }

        return annotations.TryGetValue(CaInjectionAnnotations.ApiServerCa, out var apiServer) && apiServer == "true"
            ? new CaSource(CaSourceKind.ApiServer, CaInjectionAnnotations.ApiServerCa, null, null)
            : CaSource.None;
    }

    /// <summary>True when any injection annotation is present: only such objects are reconciled.</summary>
    public static bool WantsInjection(IReadOnlyDictionary<string, string>? annotations) =>
        annotations is not null
        && (annotations.ContainsKey(CaInjectionAnnotations.FromSecret)
            || annotations.ContainsKey(CaInjectionAnnotations.FromCertificate)
            || annotations.ContainsKey(CaInjectionAnnotations.ApiServerCa));

    /// <summary>"namespace/name", split at the first '/' as cert-manager does; a value without a namespace is refused.</summary>
    private static CaSource Named(CaSourceKind kind, string annotation, string value, string what)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == value.Length - 1)
        {
            return new CaSource(kind, annotation, null,
                $"annotation {annotation}: \"{value}\" is not <namespace>/<name>: set it to the namespace and name of the {what}, e.g. \"my-namespace/my-{what.ToLowerInvariant()}\"");
        }

        return new CaSource(kind, annotation, new ObjectKey(value[..slash], value[(slash + 1)..]), null);
    }
}
