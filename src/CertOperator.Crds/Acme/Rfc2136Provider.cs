using System.ComponentModel;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("RFC 2136 dynamic DNS updates.")]
public sealed class Rfc2136Provider
{
    [Required]
    [Description("The authoritative DNS server to send updates to, as `host` or `host:port` (port defaults to 53); IPv6 addresses in brackets.")]
    public string Nameserver { get; set; } = "";

    [Description("Name of the TSIG key; required together with `tsigSecretSecretRef` to sign updates.")]
    public string? TsigKeyName { get; set; }

    [Description("TSIG algorithm: HMACMD5 (default), HMACSHA1, HMACSHA256 or HMACSHA512.")]
    public string? TsigAlgorithm { get; set; }

    [Description("The Secret entry holding the base64 TSIG secret.")]
    public SecretKeySelector? TsigSecretSecretRef { get; set; }

    [EnumValues("TCP", "UDP")]
    [Description("Transport for the updates: `UDP` (default) or `TCP`.")]
    public string? Protocol { get; set; }
}
