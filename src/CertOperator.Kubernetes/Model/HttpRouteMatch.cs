namespace CertOperator.Kubernetes.Model;

/// <summary>An HTTPRoute match on the request path (the only match the slim view keeps).</summary>
public sealed class HttpRouteMatch
{
    public HttpPathMatch? Path { get; set; }
}
