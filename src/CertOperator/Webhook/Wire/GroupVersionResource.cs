namespace CertOperator.Webhook.Wire;

/// <summary>The resource an admission request is about, e.g. cert-manager.io/v1 certificaterequests.</summary>
internal sealed class GroupVersionResource
{
    public string Group { get; set; } = "";

    public string Version { get; set; } = "";

    public string Resource { get; set; } = "";
}
