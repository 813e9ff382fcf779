using CertOperator.Acme.Crypto;
using CertOperator.Acme.Model;
using CertOperator.Acme.Tests.Support;

namespace CertOperator.Acme.Tests.Integration;

[Collection(SharedPebble.Name)]
public sealed class RevocationTests(PebbleFixture fixture)
{
    [Fact]
    public async Task Revoking_with_the_account_key_and_a_reason_marks_the_certificate_revoked()
    {
        using var client = await fixture.CreateRegisteredClientAsync();
        var issued = await Issuance.IssueAsync(
            client, fixture.Environment, ChallengeKind.Http01, [AcmeIdentifier.Dns(Issuance.UniqueName("revoke"))], CertificateKeyAlgorithm.EcdsaP256, Timeout());
        using var chain = new ChainOf(issued.Chain);

        await client.RevokeCertificateAsync(chain.Leaf.RawData, RevocationReason.KeyCompromise, Timeout());

        var status = await fixture.Environment.Pebble.GetCertificateStatusAsync(chain.Leaf.SerialNumber.TrimStart('0').ToLowerInvariant(), Timeout());
        status["Status"]!.GetValue<string>().Should().Be("Revoked");
        status["Reason"]!.GetValue<int>().Should().Be((int)RevocationReason.KeyCompromise);
    }

    [Fact]
    public async Task Revoking_twice_surfaces_alreadyRevoked()
    {
        using var client = await fixture.CreateRegisteredClientAsync();
        var issued = await Issuance.IssueAsync(
            client, fixture.Environment, ChallengeKind.Http01, [AcmeIdentifier.Dns(Issuance.UniqueName("twice"))], CertificateKeyAlgorithm.EcdsaP256, Timeout());
        using var chain = new ChainOf(issued.Chain);
        await client.RevokeCertificateAsync(chain.Leaf.RawData, null, Timeout());

        var act = () => client.RevokeCertificateAsync(chain.Leaf.RawData, RevocationReason.Superseded, Timeout());

        (await act.Should().ThrowAsync<AcmeProblemException>()).Which.Type.Should().Be(AcmeErrors.AlreadyRevoked);
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
