namespace CertOperator.Kubernetes.Model;

/// <summary>TLS hosts and the Secret holding their certificate.</summary>
public sealed class IngressTls
{
    public List<string>? Hosts { get; set; }

    public string? SecretName { get; set; }
}
