namespace CertOperator.Acme.Model;

/// <summary>Status strings of ACME objects (RFC 8555 §7.1.6); kept as strings so unknown values survive.</summary>
public static class AcmeStatus
{
    public const string Pending = "pending";
    public const string Ready = "ready";
    public const string Processing = "processing";
    public const string Valid = "valid";
    public const string Invalid = "invalid";
    public const string Deactivated = "deactivated";
    public const string Expired = "expired";
    public const string Revoked = "revoked";
}
