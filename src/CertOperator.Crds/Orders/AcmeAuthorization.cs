using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Orders;

[Description("An ACME authorization: proof of control the server requires for one identifier.")]
public sealed class AcmeAuthorization
{
    [Required]
    [Description("URL of the authorization at the ACME server.")]
    public string Url { get; set; } = "";

    [Description("The identifier being authorized, without any `*.` wildcard prefix.")]
    public string? Identifier { get; set; }

    [Description("Whether the authorization is for a wildcard name (`*.` plus the identifier).")]
    public bool? Wildcard { get; set; }

    [EnumValues(typeof(AcmeStates))]
    [Description("State of the authorization when the order was created; `valid` means no challenge needs solving.")]
    public string? InitialState { get; set; }

    [Description("The challenges the server offers for this authorization; solving one is enough.")]
    public List<AcmeChallenge>? Challenges { get; set; }
}
