namespace CertOperator.Kubernetes.Model;

/// <summary>core/v1 PodStatus: the parts a controller waits on (phase, conditions, IP).</summary>
public sealed class PodStatus
{
    public string? Phase { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }

    public string? PodIP { get; set; }

    public List<Condition>? Conditions { get; set; }
}
