using System.ComponentModel;
using System.Text.Json.Serialization;

namespace CertOperator.Crds.Certificates;

[Description("The ACME server's renewal suggestion for the issued certificate (RFC 9773).")]
public sealed class AcmeRenewalInfoStatus
{
    [JsonPropertyName("explanationURL")]
    [Description("A page the ACME server gives to explain its suggestion, e.g. a revocation incident.")]
    public string? ExplanationUrl { get; set; }

    [Description("When renewal information was last fetched.")]
    public DateTimeOffset? LastChecked { get; set; }

    [Description("Why the last fetch failed, if it did.")]
    public string? LastError { get; set; }

    [Description("When renewal information is fetched next (the server's Retry-After).")]
    public DateTimeOffset? NextCheck { get; set; }

    [Description("The window in which the server suggests renewing.")]
    public AcmeRenewalWindow? SuggestedWindow { get; set; }
}
