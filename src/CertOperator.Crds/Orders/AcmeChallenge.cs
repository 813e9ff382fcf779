using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Orders;

[Description("One challenge offered by the ACME server for an authorization.")]
public sealed class AcmeChallenge
{
    [Required]
    [Description("URL of the challenge at the ACME server.")]
    public string Url { get; set; } = "";

    [Required]
    [Description("The challenge token from the ACME server.")]
    public string Token { get; set; } = "";

    [Required]
    [Description("Challenge type as the server names it, e.g. `http-01`, `dns-01` or `tls-alpn-01`.")]
    public string Type { get; set; } = "";
}
