namespace CertOperator.Webhook.Wire;

/// <summary>The kind of the object in an admission request.</summary>
internal sealed class GroupVersionKind
{
    public string Group { get; set; } = "";

    public string Version { get; set; } = "";

    public string Kind { get; set; } = "";
}
