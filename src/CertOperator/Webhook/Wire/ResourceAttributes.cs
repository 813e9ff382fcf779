namespace CertOperator.Webhook.Wire;

/// <summary>A resource request to authorize: verb on group/resource, optionally one named object.</summary>
internal sealed class ResourceAttributes
{
    public string? Namespace { get; set; }

    public string? Verb { get; set; }

    public string? Group { get; set; }

    public string? Version { get; set; }

    public string? Resource { get; set; }

    public string? Name { get; set; }
}
