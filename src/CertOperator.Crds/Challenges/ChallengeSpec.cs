using System.ComponentModel;
using System.Text.Json.Serialization;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Challenges;

[Description("The challenge to solve and the solver to use. Immutable after creation.")]
public sealed class ChallengeSpec
{
    [Required]
    [Description("URL of the challenge at the ACME server.")]
    public string Url { get; set; } = "";

    [Required]
    [JsonPropertyName("authorizationURL")]
    [Description("URL of the authorization at the ACME server that this challenge belongs to.")]
    public string AuthorizationUrl { get; set; } = "";

    [Required]
    [Description("The domain being proven, without any `*.` wildcard prefix.")]
    public string DnsName { get; set; } = "";

    [Description("Whether the authorization is for a wildcard name; DNS-01 then serves `*.` plus dnsName.")]
    public bool? Wildcard { get; set; }

    [Required]
    [EnumValues("HTTP-01", "DNS-01")]
    [Description("Challenge type: `HTTP-01` or `DNS-01`.")]
    public string Type { get; set; } = "";

    [Required]
    [Description("The challenge token from the ACME server.")]
    public string Token { get; set; } = "";

    [Required]
    [Description("The key authorization to present: served at the HTTP-01 path, or its SHA-256 digest as the DNS-01 TXT record.")]
    public string Key { get; set; } = "";

    [Required]
    [Description("The solver from the issuer's configuration chosen for this domain.")]
    public AcmeChallengeSolver Solver { get; set; } = new();

    [Required]
    [Description("The ACME Issuer or ClusterIssuer the Order was placed with; its account signs the validation request.")]
    public IssuerReference IssuerRef { get; set; } = new();
}
