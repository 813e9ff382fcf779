namespace CertOperator.Crds.Orders;

/// <summary>
/// ACME object states (RFC 8555 section 7.1.6) as cert-manager records them on Orders, Challenges and
/// authorizations, plus `errored` for failures outside the ACME protocol.
/// </summary>
public static class AcmeStates
{
    public const string Valid = "valid";
    public const string Ready = "ready";
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Invalid = "invalid";
    public const string Expired = "expired";
    public const string Errored = "errored";
}
