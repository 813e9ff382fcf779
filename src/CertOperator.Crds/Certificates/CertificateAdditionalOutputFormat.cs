using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Certificates;

[Description("An extra output format written into the Certificate's Secret.")]
public sealed class CertificateAdditionalOutputFormat
{
    [Required]
    [EnumValues("DER", "CombinedPEM")]
    [Description("`DER` writes the private key in DER form to `key.der`; `CombinedPEM` writes the private key followed by the certificate chain to `tls-combined.pem`.")]
    public string Type { get; set; } = "";
}
