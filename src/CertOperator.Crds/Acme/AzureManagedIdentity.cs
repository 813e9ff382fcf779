using System.ComponentModel;
using System.Text.Json.Serialization;

namespace CertOperator.Crds.Acme;

[Description("Selects one of several managed identities (or workload identity) for Azure DNS.")]
public sealed class AzureManagedIdentity
{
    [JsonPropertyName("clientID")]
    [Description("Client ID of the managed identity; cannot be set together with resourceID.")]
    public string? ClientId { get; set; }

    [JsonPropertyName("resourceID")]
    [Description("Resource ID of the managed identity; cannot be set together with clientID.")]
    public string? ResourceId { get; set; }

    [JsonPropertyName("tenantID")]
    [Description("Tenant of the managed identity, for workload identity.")]
    public string? TenantId { get; set; }
}
