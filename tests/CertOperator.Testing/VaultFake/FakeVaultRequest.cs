namespace CertOperator.Testing.VaultFake;

/// <summary>One request the fake Vault answered: what was asked, with which headers and body, and the status given.</summary>
public sealed record FakeVaultRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int Status, string? ClientCertificateThumbprint);
