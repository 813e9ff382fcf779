namespace CertOperator.Kubernetes.Model;

/// <summary>A path match: <see cref="Type"/> is `Exact`, `PathPrefix` or `RegularExpression`.</summary>
public sealed class HttpPathMatch
{
    public string? Type { get; set; }

    public string? Value { get; set; }
}
