namespace CertOperator.Kubernetes.Model;

/// <summary>One webhook of a Validating/MutatingWebhookConfiguration: its name (the list's key) and clientConfig.</summary>
public sealed class AdmissionWebhook
{
    public string? Name { get; set; }

    public WebhookClientConfig? ClientConfig { get; set; }
}
