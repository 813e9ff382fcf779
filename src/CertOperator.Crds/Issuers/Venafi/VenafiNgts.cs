using System.ComponentModel;
using System.Text.Json.Serialization;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Issuers.Venafi;

[Description("Venafi Next-Gen Trust Security.")]
public sealed class VenafiNgts
{
    [Required]
    [Description("The Secret holding the service account's credentials.")]
    public NamedReference CredentialsRef { get; set; } = new();

    [Description("The OAuth token endpoint; derived from `url` when unset.")]
    public string? TokenEndpoint { get; set; }

    [Required]
    [JsonPropertyName("tsgID")]
    [Description("The tenant service group ID.")]
    public string TsgId { get; set; } = "";

    [Description("The API base URL.")]
    public string? Url { get; set; }
}
