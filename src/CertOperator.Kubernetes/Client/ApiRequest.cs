namespace CertOperator.Kubernetes.Client;

/// <summary>One request as data, so it can be sent again after a Retry-After.</summary>
internal sealed record ApiRequest(HttpMethod Method, string Path)
{
    public const string Json = "application/json";

    public string Accept { get; init; } = Json;

    public byte[]? Body { get; init; }

    public string? ContentType { get; init; }
}
