namespace CertOperator.Certificates.Pki;

/// <summary>
/// Why a PKI step could not proceed, phrased for the user: <see cref="Reason"/> is a condition reason,
/// <see cref="Field"/> the spec path to fix (when a spec field is at fault) and <see cref="Accepted"/> the values it takes.
/// Messages never carry key material.
/// </summary>
internal sealed record PkiError(string Reason, string Message, string? Field = null, IReadOnlyList<string>? Accepted = null)
{
    public const string InvalidPrivateKeySpec = "InvalidPrivateKeySpec";
    public const string UnsupportedAlgorithm = "UnsupportedAlgorithm";
    public const string InvalidPrivateKey = "InvalidPrivateKey";
    public const string InvalidSpec = "InvalidSpec";
    public const string InvalidCsr = "InvalidCSR";
    public const string InvalidCa = "InvalidCA";
    public const string InvalidDuration = "InvalidDuration";
    public const string InvalidKeystore = "InvalidKeystore";
}
