using CertOperator.Acme.Crypto;
using CertOperator.Acme.Model;
using CertOperator.Acme.Tests.Support;
using CertOperator.Testing.Pebble;

namespace CertOperator.Acme.Tests.Integration;

/// <summary>A dedicated pebble that rejects half of all valid nonces (PEBBLE_WFE_NONCEREJECT=50).</summary>
public sealed class NonceRejectingPebbleFixture : PebbleFixtureBase
{
    protected override PebbleOptions Configure(PebbleOptions options) => options with { NonceRejectPercent = 50 };
}

public sealed class NonceRejectionTests(NonceRejectingPebbleFixture fixture) : IClassFixture<NonceRejectingPebbleFixture>
{
    [Fact]
    public async Task Every_issuance_succeeds_although_half_the_nonces_are_rejected()
    {
        var log = new RecordingLogger();
        using var client = await fixture.CreateRegisteredClientAsync(logger: log);
        var kinds = new[] { ChallengeKind.Http01, ChallengeKind.Dns01, ChallengeKind.Http01, ChallengeKind.Dns01, ChallengeKind.Http01, ChallengeKind.Http01 };

        foreach (var kind in kinds)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var issued = await Issuance.IssueAsync(
                client, fixture.Environment, kind, [AcmeIdentifier.Dns(Issuance.UniqueName("nonce"))], CertificateKeyAlgorithm.EcdsaP256, timeout.Token);
            issued.Chain.Pem.Should().Contain("BEGIN CERTIFICATE");
        }

        log.Messages.Count(m => m.Contains("rejected the nonce", StringComparison.Ordinal))
            .Should().BeGreaterThan(5, "pebble must actually have rejected nonces for this test to mean anything");
    }

    [Fact]
    public async Task Concurrent_issuances_share_the_nonce_pool_and_all_succeed()
    {
        using var client = await fixture.CreateRegisteredClientAsync(AcmeKeyAlgorithm.RS256);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var all = Enumerable.Range(0, 6).Select(_ => Issuance.IssueAsync(
            client, fixture.Environment, ChallengeKind.Http01, [AcmeIdentifier.Dns(Issuance.UniqueName("par"))], CertificateKeyAlgorithm.EcdsaP256, timeout.Token));

        (await Task.WhenAll(all)).Should().HaveCount(6);
    }
}
