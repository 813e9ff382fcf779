using CertOperator.Acme.Crypto;
using CertOperator.Acme.Model;
using CertOperator.Acme.Tests.Support;
using CertOperator.Testing.Pebble;

namespace CertOperator.Acme.Tests.Integration;

/// <summary>A second pebble that refuses accounts without External Account Binding.</summary>
public sealed class EabPebbleFixture : PebbleFixtureBase
{
    public const string KeyId = "kid-1";
    public const string MacKey = "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W";

    protected override PebbleOptions Configure(PebbleOptions options) =>
        options with { ExternalAccountMacKeys = new Dictionary<string, string> { [KeyId] = MacKey } };
}

public sealed class ExternalAccountBindingTests(EabPebbleFixture fixture) : IClassFixture<EabPebbleFixture>
{
    [Fact]
    public async Task Directory_advertises_that_an_external_account_is_required()
    {
        using var client = fixture.CreateClient(AcmeAccountKey.Create());

        var directory = await client.GetDirectoryAsync(Timeout());

        directory.Meta!.ExternalAccountRequired.Should().BeTrue();
    }

    [Fact]
    public async Task Registration_without_a_binding_is_refused_with_externalAccountRequired()
    {
        using var client = fixture.CreateClient(AcmeAccountKey.Create());

        var act = () => client.EnsureAccountAsync(new AcmeAccountRequest { TermsOfServiceAgreed = true }, Timeout());

        (await act.Should().ThrowAsync<AcmeProblemException>()).Which.Type.Should().Be(AcmeErrors.ExternalAccountRequired);
    }

    [Theory]
    [InlineData(EabAlgorithm.HS256)]
    [InlineData(EabAlgorithm.HS384)]
    [InlineData(EabAlgorithm.HS512)]
    public async Task Registration_with_a_binding_succeeds_and_can_issue(EabAlgorithm algorithm)
    {
        var log = new RecordingLogger();
        using var key = AcmeAccountKey.Create();
        using var client = fixture.CreateClient(key, logger: log);
        var binding = ExternalAccountBinding.FromBase64Url(EabPebbleFixture.KeyId, EabPebbleFixture.MacKey, algorithm);

        var account = await client.EnsureAccountAsync(new AcmeAccountRequest { TermsOfServiceAgreed = true, ExternalAccountBinding = binding }, Timeout());
        var issued = await Issuance.IssueAsync(
            client, fixture.Environment, ChallengeKind.Http01, [AcmeIdentifier.Dns(Issuance.UniqueName("eab"))], CertificateKeyAlgorithm.EcdsaP256, Timeout());

        account.Status.Should().Be(AcmeStatus.Valid);
        issued.Chain.Pem.Should().Contain("BEGIN CERTIFICATE");
        log.Messages.Should().NotBeEmpty();
        var pemBody = key.ExportPkcs8Pem().Split('\n')[1];
        log.Messages.Should().NotContain(m => m.Contains(EabPebbleFixture.MacKey, StringComparison.Ordinal) || m.Contains(pemBody, StringComparison.Ordinal),
            "neither the EAB MAC key nor the account private key may reach the logs");
    }

    [Fact]
    public async Task A_binding_with_the_wrong_mac_key_is_refused_and_the_key_is_not_in_the_error()
    {
        using var client = fixture.CreateClient(AcmeAccountKey.Create());
        const string wrongKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        var binding = ExternalAccountBinding.FromBase64Url(EabPebbleFixture.KeyId, wrongKey);

        var act = () => client.EnsureAccountAsync(new AcmeAccountRequest { TermsOfServiceAgreed = true, ExternalAccountBinding = binding }, Timeout());

        var thrown = (await act.Should().ThrowAsync<AcmeProblemException>()).Which;
        ((int)thrown.StatusCode).Should().BeInRange(400, 499);
        thrown.Message.Should().NotContain(wrongKey);
        binding.ToString().Should().NotContain(wrongKey);
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
