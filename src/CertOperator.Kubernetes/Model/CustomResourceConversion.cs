namespace CertOperator.Kubernetes.Model;

/// <summary>A CRD's spec.conversion: strategy "None" or "Webhook", and the webhook for the latter.</summary>
public sealed class CustomResourceConversion
{
    public const string WebhookStrategy = "Webhook";

    public string? Strategy { get; set; }

    public WebhookConversion? Webhook { get; set; }
}
