using System.ComponentModel;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.CertificateRequests;

[Description("The CSR to sign and the issuer to sign it. Immutable after creation.")]
public sealed class CertificateRequestSpec
{
    [Description("Requested lifetime as a Go duration, e.g. `2160h`. The issuer may ignore it.")]
    public string? Duration { get; set; }

    [Required]
    [Description("The Issuer or ClusterIssuer that signs the request. `name` is required; `kind` defaults to Issuer.")]
    public IssuerReference IssuerRef { get; set; } = new();

    [Required]
    [Description("The PEM-encoded X.509 certificate signing request, base64-encoded.")]
    [SchemaFormat("byte")]
    public string Request { get; set; } = "";

    [Description("Request a CA certificate (basic constraints isCA). Adds the `cert sign` usage. The issuer may ignore it.")]
    public bool? IsCA { get; set; }

    [EnumValues(typeof(KeyUsages))]
    [Description("Requested key usages and extended key usages. Defaults to `digital signature` and `key encipherment`.")]
    public List<string>? Usages { get; set; }

    [Description("Name of the user who created the request; set by the API server admission, not by users.")]
    public string? Username { get; set; }

    [Description("UID of the user who created the request; set by the API server admission, not by users.")]
    public string? Uid { get; set; }

    [Description("Groups of the user who created the request; set by the API server admission, not by users.")]
    public List<string>? Groups { get; set; }

    [Description("Extra attributes of the user who created the request; set by the API server admission, not by users.")]
    public Dictionary<string, List<string>>? Extra { get; set; }
}
