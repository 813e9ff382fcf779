namespace CertOperator.Issuers.Vault;

/// <summary>
/// Reads `GET /v1/sys/health` as cert-manager does: active (200) and the standby codes (429, 472, 473) can serve;
/// 501 is uninitialized, 503 sealed, anything else an error.
/// </summary>
internal static class VaultHealth
{
    /// <summary>Null when Vault can serve, else why not.</summary>
    public static string? Problem(int status, string errors) => status switch
    {
        >= 200 and < 400 or 429 or 472 or 473 => null,
        501 => "Vault is not initialized",
        503 => "Vault is sealed",
        _ => $"error calling Vault {VaultPaths.Health}: {VaultErrorText.Describe(status, errors)}",
    };
}
