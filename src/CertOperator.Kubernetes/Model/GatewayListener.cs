namespace CertOperator.Kubernetes.Model;

/// <summary>One Gateway listener: where it listens and, for HTTPS and TLS, which certificates it serves.</summary>
public sealed class GatewayListener
{
    public string? Name { get; set; }

    public string? Hostname { get; set; }

    public int Port { get; set; }

    public string? Protocol { get; set; }

    public GatewayTlsConfig? Tls { get; set; }
}
