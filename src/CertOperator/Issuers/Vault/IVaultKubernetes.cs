namespace CertOperator.Issuers.Vault;

/// <summary>What Vault auth needs from Kubernetes: a Secret's data, and a bound ServiceAccount token.</summary>
internal interface IVaultKubernetes
{
    /// <summary>The Secret's data, or null when it does not exist.</summary>
    Task<IReadOnlyDictionary<string, byte[]>?> ReadSecretAsync(string ns, string name, CancellationToken ct);

    /// <summary>A token for <paramref name="serviceAccount"/> from the TokenRequest API.</summary>
    Task<string> RequestTokenAsync(string ns, string serviceAccount, IReadOnlyList<string> audiences, TimeSpan lifetime, CancellationToken ct);
}
