namespace CertOperator.CaInjector;

/// <summary>The annotations cert-manager's cainjector honours, with its names.</summary>
internal static class CaInjectionAnnotations
{
    /// <summary>On an injectable: "namespace/certificate", the CA of that Certificate's Secret.</summary>
    public const string FromCertificate = "cert-manager.io/inject-ca-from";

    /// <summary>On an injectable: "namespace/secret", the ca.crt of that Secret, if the Secret allows it.</summary>
    public const string FromSecret = "cert-manager.io/inject-ca-from-secret";

    /// <summary>On an injectable: "true", the CA the operator itself trusts for the Kubernetes API.</summary>
    public const string ApiServerCa = "cert-manager.io/inject-apiserver-ca";

    /// <summary>On a Secret: "true" lets injectables name it in <see cref="FromSecret"/>.</summary>
    public const string AllowDirectInjection = "cert-manager.io/allow-direct-injection";

    /// <summary>The Secret key holding the CA.</summary>
    public const string CaKey = "ca.crt";
}
