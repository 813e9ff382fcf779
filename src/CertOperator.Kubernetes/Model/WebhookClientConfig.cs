namespace CertOperator.Kubernetes.Model;

/// <summary>
/// The caBundle of an admission or conversion webhook's clientConfig (admissionregistration.k8s.io/v1 and
/// apiextensions.k8s.io/v1 share this shape). Only the field the CA injector reads; url and service are not kept.
/// </summary>
public sealed class WebhookClientConfig
{
    /// <summary>PEM certificates, base64 on the wire.</summary>
    public byte[]? CaBundle { get; set; }
}
