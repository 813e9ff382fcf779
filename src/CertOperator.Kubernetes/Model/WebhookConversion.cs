namespace CertOperator.Kubernetes.Model;

/// <summary>A CRD's spec.conversion.webhook (conversionReviewVersions is not kept).</summary>
public sealed class WebhookConversion
{
    public WebhookClientConfig? ClientConfig { get; set; }
}
