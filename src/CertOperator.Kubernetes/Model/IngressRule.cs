namespace CertOperator.Kubernetes.Model;

/// <summary>networking.k8s.io/v1 IngressRule: the HTTP paths for one host (all hosts when empty).</summary>
public sealed class IngressRule
{
    public string? Host { get; set; }

    public HttpIngressRuleValue? Http { get; set; }
}
