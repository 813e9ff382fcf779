using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Issuers.Vault;
using CertOperator.Crds.Meta;
using CertOperator.Issuers.Vault;
using CertOperator.Testing.VaultFake;

namespace CertOperator.Tests.Issuers.Vault;

/// <summary>The Vault client against the fake Vault over real TLS: each auth method, signing, and the errors users see.</summary>
public sealed class VaultClientTests : IAsyncLifetime
{
    private const string Ns = "team-a";
    private readonly FakeVaultKubernetes _kube = new();
    private readonly VaultHttpTransportFactory _transports = new();
    private FakeVault _vault = null!;

    public async Task InitializeAsync()
    {
        _vault = await new FakeVault
        {
            AppRole = ("role-1", "secret-id-1"),
            AcceptKubernetesLogin = (role, jwt) => role == "issuer" && jwt == _kube.IssuedToken,
        }.StartAsync();
        _kube.WithSecret(Ns, "vault-ca", ("ca.crt", _vault.TlsCaPem));
    }

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    [Fact]
    public async Task Token_auth_signs_and_the_chain_leads_to_the_PKI_root()
    {
        _kube.WithSecret(Ns, "vault-token", ("token", _vault.RootToken + "\n"));
        var issuer = Issuer(a => a.TokenSecretRef = new SecretKeySelector { Name = "vault-token" });

        var signed = await SignAsync(issuer);

        using var leaf = X509Certificate2.CreateFromPem(signed.LeafPem);
        leaf.Subject.Should().Be("CN=web.example.com");
        Verifies(signed).Should().BeTrue();
        signed.CaPem.Should().Be(_vault.Pki.RootPem, "ca.crt is the top of Vault's chain");
        var sign = _vault.Requests.Single(r => r.Path == "/v1/pki_int/sign/example-dot-com");
        sign.Headers["X-Vault-Token"].Should().Be(_vault.RootToken, "the token is trimmed as cert-manager trims it");
    }

    [Fact]
    public async Task AppRole_logs_in_and_signs_with_the_token_it_got()
    {
        _kube.WithSecret(Ns, "approle", ("secretId", "secret-id-1"));
        var issuer = Issuer(a => a.AppRole = new VaultAppRole { Path = "approle", RoleId = "role-1", SecretRef = new SecretKeySelector { Name = "approle", Key = "secretId" } });

        Verifies(await SignAsync(issuer)).Should().BeTrue();

        var login = _vault.Requests.Single(r => r.Path == "/v1/auth/approle/login");
        login.Body.Should().Contain("\"role_id\":\"role-1\"").And.Contain("\"secret_id\":\"secret-id-1\"");
        _vault.Requests.Single(r => r.Path.Contains("/sign/", StringComparison.Ordinal)).Headers["X-Vault-Token"].Should().StartWith("hvs.").And.NotBe(_vault.RootToken);
    }

    [Fact]
    public async Task A_wrong_AppRole_secret_is_an_init_failure_that_shows_Vaults_error_and_not_the_secret()
    {
        _kube.WithSecret(Ns, "approle", ("secretId", "wrong-secret-id"));
        var issuer = Issuer(a => a.AppRole = new VaultAppRole { Path = "approle", RoleId = "role-1", SecretRef = new SecretKeySelector { Name = "approle", Key = "secretId" } });

        var failure = await FailAsync(issuer);

        failure.Failure.Should().Be(VaultFailure.Init);
        failure.Message.Should().Contain("invalid role or secret ID").And.Contain("Code: 400").And.NotContain("wrong-secret-id");
    }

    [Fact]
    public async Task Kubernetes_auth_with_a_ServiceAccount_asks_for_a_10_minute_token_with_cert_managers_audiences()
    {
        var issuer = Issuer(a => a.Kubernetes = new VaultKubernetesAuth { Role = "issuer", ServiceAccountRef = new ServiceAccountRef { Name = "vault-issuer", Audiences = ["extra"] } });

        Verifies(await SignAsync(issuer)).Should().BeTrue();

        var request = _kube.TokenRequests.Should().ContainSingle().Subject;
        request.Ns.Should().Be(Ns);
        request.ServiceAccount.Should().Be("vault-issuer");
        request.Audiences.Should().Equal("extra", $"vault://{Ns}/vault", _vault.Address.ToString().TrimEnd('/'));
        request.Lifetime.Should().Be(TimeSpan.FromMinutes(10));
        _vault.Requests.Single(r => r.Path == "/v1/auth/kubernetes/login").Body.Should().Contain("\"role\":\"issuer\"");
    }

    [Fact]
    public void A_ClusterIssuer_audience_has_no_namespace()
    {
        var issuer = new ClusterIssuer { Metadata = new() { Name = "corp-vault" }, Spec = new IssuerSpec { Vault = new VaultIssuer { Server = "https://vault:8200" } } };

        VaultLogin.Audiences(issuer, null).Should().Equal("vault://corp-vault", "https://vault:8200");
    }

    [Fact]
    public async Task Kubernetes_auth_with_a_token_Secret_sends_that_token()
    {
        _kube.WithSecret(Ns, "sa-token", ("token", _kube.IssuedToken));
        var issuer = Issuer(a => a.Kubernetes = new VaultKubernetesAuth { Role = "issuer", SecretRef = new SecretKeySelector { Name = "sa-token" } });

        Verifies(await SignAsync(issuer)).Should().BeTrue();
        _kube.TokenRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task Client_certificate_auth_and_mutual_TLS_present_the_certificates_from_their_Secrets()
    {
        var (certPem, keyPem, thumbprint) = ClientCertificate();
        await using var vault = await new FakeVault { TrustedClientCertificates = new HashSet<string> { thumbprint } }.StartAsync();
        _kube.WithSecret(Ns, "vault-ca-2", ("ca.crt", vault.TlsCaPem)).WithSecret(Ns, "client", ("tls.crt", certPem), ("tls.key", keyPem));
        var issuer = Issuer(a => a.ClientCertificate = new VaultClientCertificateAuth { SecretName = "client" }, vault, "vault-ca-2");
        issuer.Spec.Vault!.ClientCertSecretRef = new SecretKeySelector { Name = "client" };
        issuer.Spec.Vault.ClientKeySecretRef = new SecretKeySelector { Name = "client" };

        Verifies(await SignAsync(issuer, vault)).Should().BeTrue();

        vault.Requests.Single(r => r.Path == "/v1/auth/cert/login").ClientCertificateThumbprint.Should().Be(thumbprint);
        vault.Requests.Single(r => r.Path.Contains("/sign/", StringComparison.Ordinal)).ClientCertificateThumbprint.Should().Be(thumbprint, "clientCertSecretRef sets up mutual TLS");
    }

    [Fact]
    public async Task A_Vault_namespace_goes_in_X_Vault_Namespace_but_not_on_the_health_check()
    {
        await using var vault = await new FakeVault { Namespace = "platform/pki" }.StartAsync();
        _kube.WithSecret(Ns, "vault-ca-3", ("ca.crt", vault.TlsCaPem)).WithSecret(Ns, "vault-token", ("token", vault.RootToken));
        var issuer = Issuer(a => a.TokenSecretRef = new SecretKeySelector { Name = "vault-token" }, vault, "vault-ca-3");
        issuer.Spec.Vault!.Namespace = "platform/pki";

        using var client = await VaultClient.ConnectAsync(issuer, Ns, _kube, _transports, CancellationToken.None);
        (await client.HealthProblemAsync(CancellationToken.None)).Should().BeNull();
        await client.SignAsync(issuer.Spec.Vault.Path, VaultSignRequests.Build(Csr(), TimeSpan.FromHours(1)).Value!, CancellationToken.None);

        vault.Requests.Single(r => r.Path.Contains("/sign/", StringComparison.Ordinal)).Headers["X-Vault-Namespace"].Should().Be("platform/pki");
        vault.Requests.Single(r => r.Path == "/v1/sys/health").Headers.Should().NotContainKey("X-Vault-Namespace");
    }

    [Fact]
    public async Task A_wrong_token_fails_the_signing_with_permission_denied_and_never_shows_the_token()
    {
        _kube.WithSecret(Ns, "vault-token", ("token", "hvs.not-a-real-token"));
        var issuer = Issuer(a => a.TokenSecretRef = new SecretKeySelector { Name = "vault-token" });

        var failure = await FailAsync(issuer);

        failure.Failure.Should().Be(VaultFailure.Sign);
        failure.Message.Should().Contain("Code: 403").And.Contain("permission denied").And.NotContain("hvs.not-a-real-token");
    }

    [Fact]
    public async Task A_missing_token_Secret_names_the_field_and_the_Secret()
    {
        var issuer = Issuer(a => a.TokenSecretRef = new SecretKeySelector { Name = "nowhere" });

        var failure = await FailAsync(issuer);

        failure.Failure.Should().Be(VaultFailure.SecretMissing);
        failure.Message.Should().Be($"spec.vault.auth.tokenSecretRef: secret \"{Ns}/nowhere\" not found");
    }

    [Fact]
    public async Task Without_the_CA_bundle_Vaults_certificate_is_not_trusted()
    {
        _kube.WithSecret(Ns, "vault-token", ("token", _vault.RootToken));
        var issuer = Issuer(a => a.TokenSecretRef = new SecretKeySelector { Name = "vault-token" });
        issuer.Spec.Vault!.CaBundleSecretRef = null;

        var failure = await FailAsync(issuer);

        failure.Message.Should().Contain("SSL").And.Contain("certificate chain").And.StartWith("GET /v1/sys/health");
    }

    private Issuer Issuer(Action<VaultAuth> auth, FakeVault? vault = null, string caSecret = "vault-ca")
    {
        var spec = new VaultIssuer
        {
            Server = (vault ?? _vault).Address.ToString().TrimEnd('/'),
            Path = "pki_int/sign/example-dot-com",
            CaBundleSecretRef = new SecretKeySelector { Name = caSecret },
        };
        auth(spec.Auth);
        return new Issuer { Metadata = new() { Name = "vault", NamespaceProperty = Ns }, Spec = new IssuerSpec { Vault = spec } };
    }

    private async Task<CertOperator.Certificates.Pki.SignedCertificate> SignAsync(Issuer issuer, FakeVault? vault = null)
    {
        using var client = await VaultClient.ConnectAsync(issuer, Ns, _kube, _transports, CancellationToken.None);
        (await client.HealthProblemAsync(CancellationToken.None)).Should().BeNull();
        return await client.SignAsync(issuer.Spec.Vault!.Path, VaultSignRequests.Build(Csr(), TimeSpan.FromDays(30)).Value!, CancellationToken.None);
    }

    private async Task<VaultException> FailAsync(Issuer issuer)
    {
        try
        {
            await SignAsync(issuer);
        }
        catch (VaultException e)
        {
            return e;
        }

        throw new InvalidOperationException("signing was expected to fail");
    }

    private bool Verifies(CertOperator.Certificates.Pki.SignedCertificate signed)
    {
        using var leaf = X509Certificate2.CreateFromPem(signed.LeafPem);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.Add(_vault.Pki.Root);
        var chainCerts = new X509Certificate2Collection();
        chainCerts.ImportFromPem(signed.ChainPem);
        chain.ChainPolicy.ExtraStore.AddRange(chainCerts);
        chain.ChainPolicy.ExtraStore.Add(_vault.Pki.Root);
        var ok = chain.Build(leaf) || VerifiesAgainstOwnRoot(signed, leaf);
        foreach (var certificate in chainCerts)
        {
            certificate.Dispose();
        }

        return ok;
    }

    /// <summary>For a second fake Vault: trust the root the answer named.</summary>
    private static bool VerifiesAgainstOwnRoot(CertOperator.Certificates.Pki.SignedCertificate signed, X509Certificate2 leaf)
    {
        using var root = X509Certificate2.CreateFromPem(signed.CaPem);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        var chainCerts = new X509Certificate2Collection();
        chainCerts.ImportFromPem(signed.ChainPem);
        chain.ChainPolicy.ExtraStore.AddRange(chainCerts);
        return chain.Build(leaf);
    }

    private static string Csr() => VaultSignRequestsTests.Csr("CN=web.example.com", san => san.AddDnsName("web.example.com"));

    private static (string CertPem, string KeyPem, string Thumbprint) ClientCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=cert-manager client", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem(), certificate.Thumbprint);
    }
}
