using System.ComponentModel;

namespace CertOperator.Crds.Issuers;

[Description("The ACME account registered for the issuer.")]
public sealed class AcmeIssuerStatus
{
    [Description("URL of the registered ACME account, used to look it up again.")]
    public string? Uri { get; set; }

    [Description("The email address the account was last registered with.")]
    public string? LastRegisteredEmail { get; set; }

    [Description("Hash of the account private key the account was registered with, to notice a replaced key.")]
    public string? LastPrivateKeyHash { get; set; }
}
