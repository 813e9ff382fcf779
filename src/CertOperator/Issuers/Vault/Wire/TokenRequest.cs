using System.Text.Json.Serialization;

namespace CertOperator.Issuers.Vault.Wire;

/// <summary>Kubernetes' authentication.k8s.io/v1 TokenRequest, as POSTed to a ServiceAccount's `token` subresource.</summary>
internal sealed record TokenRequest
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = "authentication.k8s.io/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "TokenRequest";

    [JsonPropertyName("spec")]
    public TokenRequestSpec? Spec { get; init; }

    [JsonPropertyName("status")]
    public TokenRequestStatus? Status { get; init; }
}
