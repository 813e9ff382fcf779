namespace CertOperator.Webhook.Wire;

/// <summary>admission.k8s.io/v1 AdmissionReview: the API server sends a request and reads back a response with the same uid.</summary>
internal sealed class AdmissionReview
{
    public const string CurrentApiVersion = "admission.k8s.io/v1";

    public string? ApiVersion { get; set; } = CurrentApiVersion;

    public string? Kind { get; set; } = "AdmissionReview";

    public AdmissionRequest? Request { get; set; }

    public AdmissionResponse? Response { get; set; }
}
