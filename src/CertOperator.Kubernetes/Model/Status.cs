namespace CertOperator.Kubernetes.Model;

/// <summary>metav1.Status: what the API server returns for a failed request or a watch ERROR event.</summary>
public sealed class Status
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("status")]
    public string? Outcome { get; set; }

    public string? Message { get; set; }

    public string? Reason { get; set; }

    public StatusDetails? Details { get; set; }

    public int? Code { get; set; }
}
