using System.Text.Json;
using CertOperator.Issuers.Vault.Wire;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Issuers.Vault;

/// <summary>
/// Reads Secrets and creates TokenRequests through the API server. A TokenRequest needs `create` on
/// `serviceaccounts/token` for that ServiceAccount, which, as with cert-manager, the user grants with a Role.
/// </summary>
internal sealed class VaultKubernetes(KubernetesClient client) : IVaultKubernetes
{
    public async Task<IReadOnlyDictionary<string, byte[]>?> ReadSecretAsync(string ns, string name, CancellationToken ct) =>
        (await client.TryGetAsync<Secret>(ns, name, ct)) is { } secret ? secret.Data.OrEmpty() : null;

    public async Task<string> RequestTokenAsync(string ns, string serviceAccount, IReadOnlyList<string> audiences, TimeSpan lifetime, CancellationToken ct)
    {
        var request = new Authenticationv1TokenRequest
        {
            ApiVersion = "authentication.k8s.io/v1",
            Kind = "TokenRequest",
            Spec = new V1TokenRequestSpec { Audiences = [.. audiences], ExpirationSeconds = (long)lifetime.TotalSeconds },
        };
        var path = $"/api/v1/namespaces/{Uri.EscapeDataString(ns)}/serviceaccounts/{Uri.EscapeDataString(serviceAccount)}/token";
        var answer = await client.PostJsonAsync(path, JsonSerializer.SerializeToUtf8Bytes(request, VaultJsonContext.Default.Authenticationv1TokenRequest), ct);
        return JsonSerializer.Deserialize(answer, VaultJsonContext.Default.Authenticationv1TokenRequest)?.Status?.Token is { Length: > 0 } token
            ? token
            : throw new VaultException(VaultFailure.Init, "the TokenRequest answer holds no status.token");
    }
}
