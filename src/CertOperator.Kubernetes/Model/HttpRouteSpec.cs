namespace CertOperator.Kubernetes.Model;

/// <summary>The part of an HTTPRoute's spec the slim view keeps.</summary>
public sealed class HttpRouteSpec
{
    public List<ParentReference>? ParentRefs { get; set; }

    public List<string>? Hostnames { get; set; }

    public List<HttpRouteRule>? Rules { get; set; }
}
