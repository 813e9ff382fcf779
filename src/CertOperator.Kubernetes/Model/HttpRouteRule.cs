namespace CertOperator.Kubernetes.Model;

/// <summary>One HTTPRoute rule: requests matching any of <see cref="Matches"/> go to <see cref="BackendRefs"/>.</summary>
public sealed class HttpRouteRule
{
    public List<HttpRouteMatch>? Matches { get; set; }

    public List<HttpBackendRef>? BackendRefs { get; set; }
}
