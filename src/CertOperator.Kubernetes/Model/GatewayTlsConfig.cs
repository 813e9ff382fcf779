namespace CertOperator.Kubernetes.Model;

/// <summary>A listener's TLS settings: `Terminate` or `Passthrough`, and the Secrets holding its certificates.</summary>
public sealed class GatewayTlsConfig
{
    public string? Mode { get; set; }

    public List<SecretObjectReference>? CertificateRefs { get; set; }
}
