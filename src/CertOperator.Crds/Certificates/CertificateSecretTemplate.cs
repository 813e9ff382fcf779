using System.ComponentModel;

namespace CertOperator.Crds.Certificates;

[Description("Labels and annotations to copy onto the Certificate's Secret.")]
public sealed class CertificateSecretTemplate
{
    [Description("Annotations to copy onto the Secret.")]
    public Dictionary<string, string>? Annotations { get; set; }

    [Description("Labels to copy onto the Secret.")]
    public Dictionary<string, string>? Labels { get; set; }
}
