namespace CertOperator.Acme.Model;

/// <summary>CRL reason codes (RFC 5280 §5.3.1) ACME servers accept on revokeCert.</summary>
public enum RevocationReason
{
    Unspecified = 0,
    KeyCompromise = 1,
    AffiliationChanged = 3,
    Superseded = 4,
    CessationOfOperation = 5,
}
