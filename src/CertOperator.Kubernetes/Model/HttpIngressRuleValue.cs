namespace CertOperator.Kubernetes.Model;

/// <summary>The paths of one Ingress rule.</summary>
public sealed class HttpIngressRuleValue
{
    public List<HttpIngressPath> Paths { get; set; } = [];
}
