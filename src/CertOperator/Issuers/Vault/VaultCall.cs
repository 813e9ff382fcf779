namespace CertOperator.Issuers.Vault;

/// <summary>One HTTP exchange with Vault: a path under the server address, an optional JSON body and token.</summary>
internal sealed record VaultCall(HttpMethod Method, string Path, byte[]? Body = null, string? Token = null, string? Namespace = null);
