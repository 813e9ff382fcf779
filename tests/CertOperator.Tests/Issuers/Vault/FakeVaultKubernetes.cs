using System.Collections.Concurrent;
using System.Text;
using CertOperator.Issuers.Vault;

namespace CertOperator.Tests.Issuers.Vault;

/// <summary>Secrets held in memory and TokenRequests recorded, for Vault client tests without an API server.</summary>
internal sealed class FakeVaultKubernetes : IVaultKubernetes
{
    private readonly ConcurrentDictionary<(string Ns, string Name), Dictionary<string, byte[]>> _secrets = new();

    public List<(string Ns, string ServiceAccount, IReadOnlyList<string> Audiences, TimeSpan Lifetime)> TokenRequests { get; } = [];

    public string IssuedToken { get; set; } = "sa-token-" + Guid.NewGuid().ToString("N");

    public FakeVaultKubernetes WithSecret(string ns, string name, params (string Key, string Value)[] data)
    {
        _secrets[(ns, name)] = data.ToDictionary(d => d.Key, d => Encoding.UTF8.GetBytes(d.Value));
        return this;
    }

    public Task<IReadOnlyDictionary<string, byte[]>?> ReadSecretAsync(string ns, string name, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, byte[]>?>(_secrets.GetValueOrDefault((ns, name)));

    public Task<string> RequestTokenAsync(string ns, string serviceAccount, IReadOnlyList<string> audiences, TimeSpan lifetime, CancellationToken ct)
    {
        lock (TokenRequests)
        {
            TokenRequests.Add((ns, serviceAccount, audiences, lifetime));
        }

        return Task.FromResult(IssuedToken);
    }
}
