namespace CertOperator.IngressShim;

/// <summary>What to do with one desired Certificate, given the one that exists under its name.</summary>
internal enum IngressCertificateAction
{
    Create,
    Update,
    UpToDate,
    NotOwned,
}
