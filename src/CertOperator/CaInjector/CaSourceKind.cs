namespace CertOperator.CaInjector;

/// <summary>Where an injectable asks its CA to come from.</summary>
internal enum CaSourceKind
{
    /// <summary>No injection annotation: not ours to touch.</summary>
    None,

    /// <summary>cert-manager.io/inject-ca-from-secret.</summary>
    Secret,

    /// <summary>cert-manager.io/inject-ca-from.</summary>
    Certificate,

    /// <summary>cert-manager.io/inject-apiserver-ca: "true".</summary>
    ApiServer,
}
