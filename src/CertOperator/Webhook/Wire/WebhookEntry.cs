namespace CertOperator.Webhook.Wire;

/// <summary>One webhook of a configuration: its name and where (and with which CA) the API server calls it.</summary>
internal sealed class WebhookEntry
{
    public string Name { get; set; } = "";

    public WebhookClientConfig? ClientConfig { get; set; }
}

/// <summary>The part of clientConfig this webhook maintains: the PEM CA bundle (base64 on the wire).</summary>
internal sealed class WebhookClientConfig
{
    public byte[]? CaBundle { get; set; }
}
