using System.ComponentModel;
using System.Text.Json.Serialization;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("Azure DNS, authenticated with a service principal or, when clientID and clientSecretSecretRef are unset, a managed identity.")]
public sealed class AzureDnsProvider
{
    [JsonPropertyName("clientID")]
    [Description("Client ID of the service principal.")]
    public string? ClientId { get; set; }

    [Description("The Secret entry holding the service principal's client secret.")]
    public SecretKeySelector? ClientSecretSecretRef { get; set; }

    [Required]
    [JsonPropertyName("subscriptionID")]
    [Description("The Azure subscription holding the DNS zone.")]
    public string SubscriptionId { get; set; } = "";

    [JsonPropertyName("tenantID")]
    [Description("The Azure AD tenant of the service principal; required with clientID and clientSecretSecretRef.")]
    public string? TenantId { get; set; }

    [Required]
    [Description("The resource group holding the DNS zone.")]
    public string ResourceGroupName { get; set; } = "";

    [Description("The DNS zone to create the record in; chosen automatically when unset.")]
    public string? HostedZoneName { get; set; }

    [EnumValues("AzurePublicCloud", "AzureChinaCloud", "AzureGermanCloud", "AzureUSGovernmentCloud")]
    [Description("The Azure cloud to call. Defaults to AzurePublicCloud.")]
    public string? Environment { get; set; }

    [Description("Which managed identity to use when no service principal is given.")]
    public AzureManagedIdentity? ManagedIdentity { get; set; }

    [EnumValues("AzurePublicZone", "AzurePrivateZone")]
    [Description("Whether the zone is a public DNS zone (`AzurePublicZone`, the default) or a private one (`AzurePrivateZone`).")]
    public string? ZoneType { get; set; }
}
