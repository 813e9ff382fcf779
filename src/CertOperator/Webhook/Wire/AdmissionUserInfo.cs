namespace CertOperator.Webhook.Wire;

/// <summary>authentication.k8s.io/v1 UserInfo of the requester, as the API server authenticated it.</summary>
internal sealed class AdmissionUserInfo
{
    public string? Username { get; set; }

    public string? Uid { get; set; }

    public List<string>? Groups { get; set; }

    public Dictionary<string, List<string>>? Extra { get; set; }
}
