using System.Text;
using System.Text.Json.Nodes;
using CertOperator.Testing.VaultFake;

namespace CertOperator.Tests.EndToEnd.Vault;

/// <summary>
/// The fake Vault (real TLS, really signing) next to the test API server and the operator process. Its Kubernetes
/// login accepts a TokenRequest token for `vault-e2e/vault-issuer` carrying the audience cert-manager sets for the
/// Issuer `vault-e2e/vault-k8s`, as a Vault role bound to that ServiceAccount and audience would.
/// </summary>
public class VaultEnvironment : IAsyncLifetime
{
    public const string Ns = "vault-e2e";
    public const string AppRoleId = "cert-manager-role";
    public const string AppRoleSecretId = "approle-secret-id-7f3a9c";

    public FakeVault Vault { get; private set; } = null!;

    public OperatorEnvironment Cluster { get; private set; } = null!;

    /// <summary>Every ServiceAccount token the fake Vault was shown.</summary>
    public List<string> KubernetesJwts { get; } = [];

    public string CaBundle => Convert.ToBase64String(Encoding.ASCII.GetBytes(Vault.TlsCaPem));

    public async Task InitializeAsync()
    {
        Vault = await new FakeVault { AppRole = (AppRoleId, AppRoleSecretId), AcceptKubernetesLogin = AcceptKubernetes }.StartAsync();
        Cluster = CreateCluster();
        await Cluster.InitializeAsync();
        await Cluster.ApplyAsync(Manifests.Namespace(Ns));
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        await Vault.DisposeAsync();
    }

    /// <summary>The control plane and operator: the test API server here, a real kube-apiserver in a subclass.</summary>
    protected virtual OperatorEnvironment CreateCluster() => new();

    /// <summary>A Vault Issuer (or ClusterIssuer when <paramref name="ns"/> is null) with the given `auth:` body at column 0.</summary>
    public string Issuer(string name, string? ns, string authYaml)
    {
        var auth = string.Join('\n', authYaml.TrimEnd().Split('\n').Select(l => "          " + l));
        return $"""
            apiVersion: cert-manager.io/v1
            kind: {(ns is null ? "ClusterIssuer" : "Issuer")}
            metadata:
              name: {name}
              {(ns is null ? "" : $"namespace: {ns}")}
            spec:
              vault:
                server: {Vault.Address.ToString().TrimEnd('/')}
                path: {Vault.SignPath}
                caBundle: {CaBundle}
                auth:
            {auth}
            """;
    }

    private bool AcceptKubernetes(string role, string jwt)
    {
        lock (KubernetesJwts)
        {
            KubernetesJwts.Add(jwt);
        }

        var parts = jwt.Split('.');
        if (role != "vault-issuer-role" || parts.Length < 2)
        {
            return false;
        }

        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        var claims = JsonNode.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')))!;
        var audiences = claims["aud"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        return claims["sub"]?.GetValue<string>() == $"system:serviceaccount:{Ns}:vault-issuer" && audiences.Contains($"vault://{Ns}/vault-k8s");
    }
}
