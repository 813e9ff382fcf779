using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using CertOperator.Testing;
using CertOperator.Webhook.Serving;
using Microsoft.Extensions.Logging.Abstractions;
using k8s.Models;

namespace CertOperator.Tests.Webhook;

/// <summary>The webhook's CA and serving certificate over a year on a fake clock, against the test API server.</summary>
public sealed class ServingCertificateRotationTests : IAsyncLifetime, IDisposable
{
    private const string Ns = "certoperator-system";
    private const string Name = "certoperator-webhook-ca";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ServingCertificateSource _source = new();
    private readonly ServingIdentity _identity = new() { SecretNamespace = Ns, SecretName = Name, DnsNames = ["certoperator-webhook.certoperator-system.svc", "127.0.0.1"] };
    private KubeApiServer _server = null!;
    private KubernetesClient _client = null!;
    private ServingCertificateKeeper _keeper = null!;

    public async Task InitializeAsync()
    {
        _server = await KubeApiServer.StartAsync();
        await _server.RunKubectlAsync("create", "namespace", Ns);
        _client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [_server.KubeconfigPath] }));
        _keeper = new ServingCertificateKeeper(_client, _identity, _source, new CaBundlePublisher(_client, null, null), _clock,
            new WebhookSyncInterval(TimeSpan.FromSeconds(10)), NullLogger<ServingCertificateKeeper>.Instance);
    }

    [Fact]
    public async Task The_first_sync_creates_the_CA_Secret_and_serves_a_certificate_for_every_name()
    {
        await _keeper.SyncAsync(CancellationToken.None);

        var secret = await SecretAsync();
        secret.Type.Should().Be("kubernetes.io/tls");
        secret.Metadata.Labels.Should().Contain(ServingIdentity.ManagedByLabel, ServingIdentity.ManagedByValue);
        Pem(secret, CaSecret.BundleKey).Should().Be(Pem(secret, CaSecret.CertificateKey));
        var served = _source.Select()!;
        served.HasPrivateKey.Should().BeTrue();
        served.MatchesHostname("certoperator-webhook.certoperator-system.svc").Should().BeTrue();
        served.MatchesHostname("127.0.0.1").Should().BeTrue();
        served.NotAfter.ToUniversalTime().Should().Be(_clock.GetUtcNow().AddDays(7).UtcDateTime);
        Chains(served, secret).Should().BeTrue();
    }

    [Fact]
    public async Task The_serving_certificate_is_reissued_with_a_third_of_its_life_left()
    {
        await _keeper.SyncAsync(CancellationToken.None);
        var first = _source.Current!;

        _clock.Advance(TimeSpan.FromDays(4));
        await _keeper.SyncAsync(CancellationToken.None);
        var kept = _source.Current;
        _clock.Advance(TimeSpan.FromDays(1));
        await _keeper.SyncAsync(CancellationToken.None);

        kept.Should().BeSameAs(first, "4 of 7 days used: more than a third left");
        _source.Current.Should().NotBeSameAs(first, "5 of 7 days used");
        _source.Current!.NotAfter.Should().Be(_clock.GetUtcNow().AddDays(7));
    }

    [Fact]
    public async Task A_CA_near_expiry_is_replaced_the_old_one_stays_trusted_and_the_certificate_moves_after_the_propagation_delay()
    {
        await _keeper.SyncAsync(CancellationToken.None);
        var firstCa = Pem(await SecretAsync(), CaSecret.CertificateKey);
        _clock.Advance(TimeSpan.FromDays(243));
        await _keeper.SyncAsync(CancellationToken.None);
        var leafBeforeRotation = _source.Current!;

        _clock.Advance(TimeSpan.FromDays(1));
        await _keeper.SyncAsync(CancellationToken.None);
        var rotated = await SecretAsync();
        var leafRightAfter = _source.Current;
        _clock.Advance(_identity.CaPropagationDelay);
        await _keeper.SyncAsync(CancellationToken.None);
        var leafAfterDelay = _source.Current!;

        Pem(rotated, CaSecret.CertificateKey).Should().NotBe(firstCa, "244 of 365 days used: less than a third left");
        Pem(rotated, CaSecret.BundleKey).Should().Be(Pem(rotated, CaSecret.CertificateKey) + firstCa, "certificates signed by the old CA stay trusted");
        leafRightAfter.Should().BeSameAs(leafBeforeRotation, "the new CA may not have reached the API server yet");
        Chains(leafAfterDelay.Certificate, rotated).Should().BeTrue();
        leafAfterDelay.CaThumbprint.Should().NotBe(leafBeforeRotation.CaThumbprint);

        _clock.Advance(TimeSpan.FromDays(122));
        await _keeper.SyncAsync(CancellationToken.None);
        Pem(await SecretAsync(), CaSecret.BundleKey).Should().Be(Pem(rotated, CaSecret.CertificateKey), "the expired CA leaves the bundle");
    }

    [Fact]
    public async Task A_Secret_of_the_same_name_that_is_not_ours_is_left_alone()
    {
        await _client.CreateAsync(new Secret
        {
            Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Ns },
            Data = new Dictionary<string, byte[]>() { ["note"] = "someone else's"u8.ToArray() },
        });

        await _keeper.SyncAsync(CancellationToken.None);

        (await SecretAsync()).Data.Should().ContainKey("note").And.HaveCount(1);
        _source.Current.Should().BeNull();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _keeper.Dispose();
        _client.Dispose();
    }

    private Task<Secret> SecretAsync() => _client.GetAsync<Secret>(Ns, Name);

    private static string Pem(Secret secret, string key) => Encoding.ASCII.GetString(secret.Data![key]);

    private bool Chains(X509Certificate2 leaf, Secret secret)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _clock.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.CustomTrustStore.ImportFromPem(Pem(secret, CaSecret.BundleKey));
        return chain.Build(leaf);
    }
}
