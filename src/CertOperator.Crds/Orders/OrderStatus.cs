using System.ComponentModel;
using System.Text.Json.Serialization;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Orders;

[Description("Progress of the order at the ACME server. Read-only.")]
public sealed class OrderStatus
{
    [Description("URL of the order at the ACME server; set once it is created there.")]
    public string? Url { get; set; }

    [JsonPropertyName("finalizeURL")]
    [Description("URL to submit the CSR to once every authorization is valid.")]
    public string? FinalizeUrl { get; set; }

    [Description("The authorizations the ACME server requires for this order, with the challenges it offers for each.")]
    public List<AcmeAuthorization>? Authorizations { get; set; }

    [Description("The signed certificate chain, PEM-encoded then base64-encoded; set once the order is valid.")]
    [SchemaFormat("byte")]
    public string? Certificate { get; set; }

    [EnumValues(typeof(AcmeStates))]
    [Description("State of the order: `pending`, `ready`, `processing` and `valid` as in RFC 8555, `invalid` or `expired` when the server failed it, `errored` when it failed for another reason. Final states are valid, invalid, expired and errored.")]
    public string? State { get; set; }

    [Description("Why the order is in its state, mainly for failures.")]
    public string? Reason { get; set; }

    [Description("When the order failed; a new Order is needed to retry.")]
    public DateTimeOffset? FailureTime { get; set; }
}
