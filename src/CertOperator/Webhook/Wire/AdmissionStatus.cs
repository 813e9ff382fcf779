namespace CertOperator.Webhook.Wire;

/// <summary>The metav1.Status of a denied review; the API server shows <see cref="Message"/> to the user.</summary>
internal sealed class AdmissionStatus
{
    public int Code { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }
}
