using System.Text;
using System.Text.Json.Nodes;
using CertOperator.Testing;
using CertOperator.Tests.EndToEnd.DnsProviders;

namespace CertOperator.Tests.EndToEnd.Vault;

/// <summary>
/// Vault issuers end to end: the operator process against the test API server signs through the fake Vault with
/// token, AppRole and Kubernetes auth; the issued Secret verifies with openssl against ca.crt; a wrong token shows
/// Vault's refusal on the CertificateRequest and Certificate, and no credential is ever visible.
/// </summary>
public sealed class VaultIssuanceTests(VaultEnvironment env) : IClassFixture<VaultEnvironment>
{
    private const string Ns = VaultEnvironment.Ns;

    private OperatorEnvironment Cluster => env.Cluster;

    [Fact]
    public async Task A_token_auth_Issuer_issues_a_certificate_that_openssl_verifies_against_ca_crt()
    {
        await Cluster.ApplyAsync(Manifests.Secret("vault-token", Ns, "Opaque", new Dictionary<string, string> { ["token"] = env.Vault.RootToken }));
        await Cluster.ApplyAsync(env.Issuer("vault-token", Ns, """
            tokenSecretRef:
              name: vault-token
              key: token
            """));
        await Cluster.WaitForConditionAsync("issuer", "vault-token", Ns);
        var issuer = await Cluster.GetJsonAsync("issuer", "vault-token", Ns);
        Ready(issuer)!["reason"]!.GetValue<string>().Should().Be("VaultVerified");

        await Cluster.ApplyAsync(Manifests.Certificate("web", Ns, "Issuer", "vault-token", ["web.example.com", "www.example.com"]));
        await Cluster.WaitForConditionAsync("certificate", "web", Ns);

        using var secret = IssuedSecret.From(await Cluster.GetJsonAsync("secret", "web-tls", Ns));
        secret.DnsNames.Should().BeEquivalentTo("web.example.com", "www.example.com");
        secret.CaCrt.Should().Be(env.Vault.Pki.RootPem, "ca.crt is the root at the top of Vault's ca_chain, as cert-manager stores it");
        secret.TlsCrt.Split("BEGIN CERTIFICATE").Length.Should().Be(3, "tls.crt is the leaf and Vault's intermediate, without the self-signed root");
        (await OpensslVerifyAsync(secret)).Should().Contain(": OK");
    }

    [Fact]
    public async Task An_Issuer_whose_token_Secret_comes_later_names_it_then_becomes_Ready_when_it_appears()
    {
        await Cluster.ApplyAsync(env.Issuer("vault-late", Ns, """
            tokenSecretRef:
              name: vault-late-token
            """));
        var notReady = await Cluster.EventuallyAsync(
            async () => Ready(await Cluster.GetJsonAsync("issuer", "vault-late", Ns)),
            c => c?["reason"]?.GetValue<string>() == "VaultError", TimeSpan.FromSeconds(60), "the Issuer reporting its missing Secret");
        notReady!["message"]!.GetValue<string>().Should().Be($"Failed to initialize Vault client: spec.vault.auth.tokenSecretRef: secret \"{Ns}/vault-late-token\" not found");

        await Cluster.ApplyAsync(Manifests.Secret("vault-late-token", Ns, "Opaque", new Dictionary<string, string> { ["token"] = env.Vault.RootToken }));
        await Cluster.WaitForConditionAsync("issuer", "vault-late", Ns, timeoutSeconds: 30);
    }

    [Fact]
    public async Task An_AppRole_ClusterIssuer_logs_in_and_issues()
    {
        await Cluster.ApplyAsync(Manifests.Secret("vault-approle", OperatorEnvironment.ClusterResourceNamespace, "Opaque",
            new Dictionary<string, string> { ["secretId"] = VaultEnvironment.AppRoleSecretId }));
        await Cluster.ApplyAsync(env.Issuer("vault-approle", null, $"""
            appRole:
              path: approle
              roleId: {VaultEnvironment.AppRoleId}
              secretRef:
                name: vault-approle
                key: secretId
            """));
        await Cluster.WaitForConditionAsync("clusterissuer", "vault-approle", "");

        await Cluster.ApplyAsync(Manifests.Certificate("approle-web", Ns, "ClusterIssuer", "vault-approle", ["approle.example.com"]));
        await Cluster.WaitForConditionAsync("certificate", "approle-web", Ns);

        using var secret = IssuedSecret.From(await Cluster.GetJsonAsync("secret", "approle-web-tls", Ns));
        secret.ChainVerifies(out var problems).Should().BeTrue(problems);
        env.Vault.Requests.Should().Contain(r => r.Path == "/v1/auth/approle/login" && r.Status == 200);
    }

    [Fact]
    public async Task Kubernetes_auth_with_a_ServiceAccount_uses_a_TokenRequest_token_with_the_issuers_audience()
    {
        await Cluster.ApplyAsync($"""
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: vault-issuer
              namespace: {Ns}
            """);
        await Cluster.ApplyAsync(env.Issuer("vault-k8s", Ns, """
            kubernetes:
              role: vault-issuer-role
              serviceAccountRef:
                name: vault-issuer
            """));
        await Cluster.WaitForConditionAsync("issuer", "vault-k8s", Ns);

        await Cluster.ApplyAsync(Manifests.Certificate("k8s-web", Ns, "Issuer", "vault-k8s", ["k8s.example.com"]));
        await Cluster.WaitForConditionAsync("certificate", "k8s-web", Ns);

        using var secret = IssuedSecret.From(await Cluster.GetJsonAsync("secret", "k8s-web-tls", Ns));
        secret.ChainVerifies(out var problems).Should().BeTrue(problems);
        List<string> jwts;
        lock (env.KubernetesJwts)
        {
            jwts = [.. env.KubernetesJwts];
        }

        jwts.Should().NotBeEmpty();
        await CredentialLeaks.AssertAbsentAsync(Cluster, [.. jwts]);
    }

    [Fact]
    public async Task A_wrong_token_fails_the_request_with_Vaults_permission_denied_and_no_credential_is_visible()
    {
        const string wrongToken = "hvs.WRONG0000000000000000000000";
        await Cluster.ApplyAsync(Manifests.Secret("vault-wrong-token", Ns, "Opaque", new Dictionary<string, string> { ["token"] = wrongToken }));
        await Cluster.ApplyAsync(env.Issuer("vault-wrong", Ns, """
            tokenSecretRef:
              name: vault-wrong-token
            """));
        await Cluster.WaitForConditionAsync("issuer", "vault-wrong", Ns);
        await Cluster.ApplyAsync(Manifests.Certificate("denied", Ns, "Issuer", "vault-wrong", ["denied.example.com"]));

        var request = await Cluster.EventuallyAsync(
            async () => JsonNode.Parse(await Cluster.KubectlAsync("get", "certificaterequests", "-n", Ns, "-o", "json"))!["items"]!.AsArray()
                .FirstOrDefault(r => r!["spec"]!["issuerRef"]!["name"]!.GetValue<string>() == "vault-wrong" && Ready(r)?["reason"]?.GetValue<string>() == "Failed"),
            r => r is not null, TimeSpan.FromSeconds(60), "the CertificateRequest failing");
        var message = Ready(request!)!["message"]!.GetValue<string>();
        message.Should().StartWith("Vault failed to sign certificate: failed to sign certificate by vault: POST /v1/pki_int/sign/example-dot-com")
            .And.Contain("Code: 403").And.Contain("permission denied");

        await Cluster.EventuallyAsync(
            async () => (await Cluster.GetJsonAsync("certificate", "denied", Ns)).ToJsonString(),
            c => c.Contains("permission denied", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the Certificate showing Vault's refusal");
        await CredentialLeaks.AssertAbsentAsync(Cluster, wrongToken, env.Vault.RootToken, VaultEnvironment.AppRoleSecretId);
    }

    private static JsonNode? Ready(JsonNode obj) =>
        obj["status"]?["conditions"]?.AsArray().FirstOrDefault(c => c!["type"]!.GetValue<string>() == "Ready");

    private static async Task<string> OpensslVerifyAsync(IssuedSecret secret)
    {
        var dir = Directory.CreateTempSubdirectory("vault-e2e-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "ca.crt"), secret.CaCrt ?? "", Encoding.ASCII);
            await File.WriteAllTextAsync(Path.Combine(dir, "tls.crt"), secret.TlsCrt, Encoding.ASCII);
            var verify = await ExternalCommand.RunAsync("openssl",
                ["verify", "-CAfile", Path.Combine(dir, "ca.crt"), "-untrusted", Path.Combine(dir, "tls.crt"), Path.Combine(dir, "tls.crt")]);
            return verify.StdOut + verify.StdErr;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
