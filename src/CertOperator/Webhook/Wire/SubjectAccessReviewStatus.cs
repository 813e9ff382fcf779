namespace CertOperator.Webhook.Wire;

/// <summary>The authorizer's answer.</summary>
internal sealed class SubjectAccessReviewStatus
{
    public bool Allowed { get; set; }

    public bool? Denied { get; set; }

    public string? Reason { get; set; }

    public string? EvaluationError { get; set; }
}
