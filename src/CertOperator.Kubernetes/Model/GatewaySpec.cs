namespace CertOperator.Kubernetes.Model;

/// <summary>The part of a Gateway's spec the slim view keeps.</summary>
public sealed class GatewaySpec
{
    public string? GatewayClassName { get; set; }

    public List<GatewayListener>? Listeners { get; set; }
}
