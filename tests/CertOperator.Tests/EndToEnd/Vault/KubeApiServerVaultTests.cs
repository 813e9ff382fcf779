namespace CertOperator.Tests.EndToEnd.Vault;

/// <summary>The fake Vault next to a real kube-apiserver 1.24, the operator running as config/rbac's ServiceAccount.</summary>
public sealed class RealKubeVaultEnvironment : VaultEnvironment
{
    protected override OperatorEnvironment CreateCluster() => new RealOperatorEnvironment();
}

/// <summary>
/// Kubernetes auth with `serviceAccountRef` under the shipped RBAC: as with cert-manager, the user grants the operator
/// `create` on that ServiceAccount's `token` subresource with a Role; then the real TokenRequest API mints the token
/// Vault is shown, and the operator's log holds no 403.
/// </summary>
public sealed class KubeApiServerVaultTests(RealKubeVaultEnvironment env) : IClassFixture<RealKubeVaultEnvironment>
{
    private const string Ns = VaultEnvironment.Ns;

    [Fact]
    public async Task A_Kubernetes_auth_Issuer_issues_with_a_real_TokenRequest_once_the_user_grants_serviceaccounts_token()
    {
        var cluster = env.Cluster;
        await cluster.ApplyAsync($"""
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: vault-issuer
              namespace: {Ns}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: vault-issuer-tokenrequest
              namespace: {Ns}
            rules:
            - apiGroups: [""]
              resources: ["serviceaccounts/token"]
              resourceNames: ["vault-issuer"]
              verbs: ["create"]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: certoperator-vault-issuer-tokenrequest
              namespace: {Ns}
            subjects:
            - kind: ServiceAccount
              name: certoperator
              namespace: certoperator-system
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: Role
              name: vault-issuer-tokenrequest
            """);
        await cluster.ApplyAsync(env.Issuer("vault-k8s", Ns, """
            kubernetes:
              role: vault-issuer-role
              serviceAccountRef:
                name: vault-issuer
            """));
        await cluster.WaitForConditionAsync("issuer", "vault-k8s", Ns, timeoutSeconds: 90);
        await cluster.ApplyAsync(Manifests.Certificate("real-k8s-web", Ns, "Issuer", "vault-k8s", ["real.example.com"]));
        await cluster.WaitForConditionAsync("certificate", "real-k8s-web", Ns, timeoutSeconds: 90);

        using var secret = IssuedSecret.From(await cluster.GetJsonAsync("secret", "real-k8s-web-tls", Ns));
        secret.ChainVerifies(out var problems).Should().BeTrue(problems);
        ((RealOperatorEnvironment)cluster).ForbiddenLogLines().Should().BeEmpty("config/rbac plus the user's Role cover everything the Vault issuer does");
    }
}
