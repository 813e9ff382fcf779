namespace CertOperator.Webhook.Wire;

/// <summary>The user (as the admission request named them) and the action asked about.</summary>
internal sealed class SubjectAccessReviewSpec
{
    public ResourceAttributes? ResourceAttributes { get; set; }

    public string? User { get; set; }

    public string? Uid { get; set; }

    public List<string>? Groups { get; set; }

    public Dictionary<string, List<string>>? Extra { get; set; }
}
