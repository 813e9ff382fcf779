namespace CertOperator.Crds.Certificates;

/// <summary>
/// The key usages and extended key usages cert-manager accepts in `usages`
/// (RFC 5280 sections 4.2.1.3 and 4.2.1.12).
/// </summary>
public static class KeyUsages
{
    public const string Signing = "signing";
    public const string DigitalSignature = "digital signature";
    public const string ContentCommitment = "content commitment";
    public const string KeyEncipherment = "key encipherment";
    public const string KeyAgreement = "key agreement";
    public const string DataEncipherment = "data encipherment";
    public const string CertSign = "cert sign";
    public const string CrlSign = "crl sign";
    public const string EncipherOnly = "encipher only";
    public const string DecipherOnly = "decipher only";
    public const string Any = "any";
    public const string ServerAuth = "server auth";
    public const string ClientAuth = "client auth";
    public const string CodeSigning = "code signing";
    public const string EmailProtection = "email protection";
    public const string SMime = "s/mime";
    public const string IpsecEndSystem = "ipsec end system";
    public const string IpsecTunnel = "ipsec tunnel";
    public const string IpsecUser = "ipsec user";
    public const string Timestamping = "timestamping";
    public const string OcspSigning = "ocsp signing";
    public const string MicrosoftSgc = "microsoft sgc";
    public const string NetscapeSgc = "netscape sgc";
}
