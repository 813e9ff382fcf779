using System.ComponentModel;

namespace CertOperator.Crds.Certificates;

[Description("Additional keystore formats to write into the Certificate's Secret.")]
public sealed class CertificateKeystores
{
    [Description("Write a JKS keystore (keystore.jks, and truststore.jks when a CA is known) into the Secret.")]
    public JksKeystore? Jks { get; set; }

    [Description("Write a PKCS#12 keystore (keystore.p12, and truststore.p12 when a CA is known) into the Secret.")]
    public Pkcs12Keystore? Pkcs12 { get; set; }
}
