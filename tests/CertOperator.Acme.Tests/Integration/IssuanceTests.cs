using System.Net;
using System.Security.Cryptography.X509Certificates;
using CertOperator.Acme.Crypto;
using CertOperator.Acme.Model;
using CertOperator.Acme.Tests.Support;

namespace CertOperator.Acme.Tests.Integration;

[Collection(SharedPebble.Name)]
public sealed class IssuanceTests(PebbleFixture fixture)
{
    public static TheoryData<ChallengeKind, CertificateKeyAlgorithm, AcmeKeyAlgorithm> Cases => new()
    {
        { ChallengeKind.Http01, CertificateKeyAlgorithm.EcdsaP256, AcmeKeyAlgorithm.ES256 },
        { ChallengeKind.Http01, CertificateKeyAlgorithm.Rsa2048, AcmeKeyAlgorithm.RS256 },
        { ChallengeKind.Http01, CertificateKeyAlgorithm.EcdsaP384, AcmeKeyAlgorithm.ES384 },
        { ChallengeKind.Dns01, CertificateKeyAlgorithm.EcdsaP256, AcmeKeyAlgorithm.ES384 },
        { ChallengeKind.Dns01, CertificateKeyAlgorithm.Rsa3072, AcmeKeyAlgorithm.ES256 },
        { ChallengeKind.Dns01, CertificateKeyAlgorithm.EcdsaP521, AcmeKeyAlgorithm.RS256 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Issues_a_certificate_that_chains_to_pebbles_root(ChallengeKind kind, CertificateKeyAlgorithm keyAlgorithm, AcmeKeyAlgorithm accountAlgorithm)
    {
        using var client = await fixture.CreateRegisteredClientAsync(accountAlgorithm);
        var names = new[] { Issuance.UniqueName("www"), Issuance.UniqueName("api") };
        var identifiers = names.Select(AcmeIdentifier.Dns).ToList();

        var issued = await Issuance.IssueAsync(client, fixture.Environment, kind, identifiers, keyAlgorithm, Timeout());

        using var chain = new ChainOf(issued.Chain);
        chain.Leaf.GetNameInfo(X509NameType.DnsName, false).Should().Be(names[0]);
        chain.Leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().Should().BeEquivalentTo(names);
        (await chain.BuildsToAsync(fixture.Environment.Pebble, rootIndex: 0)).Should().BeTrue(chain.Status);
    }

    [Fact]
    public async Task Issues_for_an_ip_identifier_over_http01()
    {
        using var client = await fixture.CreateRegisteredClientAsync();
        var identifiers = new[] { AcmeIdentifier.Ip(IPAddress.Loopback) };

        var issued = await Issuance.IssueAsync(client, fixture.Environment, ChallengeKind.Http01, identifiers, CertificateKeyAlgorithm.EcdsaP256, Timeout());

        using var chain = new ChainOf(issued.Chain);
        chain.Leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateIPAddresses().Should().Equal(IPAddress.Loopback);
    }

    [Fact]
    public async Task Preferred_chain_picks_the_alternate_whose_top_issuer_matches()
    {
        using var client = await fixture.CreateRegisteredClientAsync();
        var identifiers = new[] { AcmeIdentifier.Dns(Issuance.UniqueName("alt")) };
        var issued = await Issuance.IssueAsync(client, fixture.Environment, ChallengeKind.Http01, identifiers, CertificateKeyAlgorithm.EcdsaP256, Timeout());
        issued.Chain.AlternateChains.Should().NotBeEmpty("pebble runs with PEBBLE_ALTERNATE_ROOTS=1");
        var alternate = await client.DownloadCertificateAsync(issued.Chain.AlternateChains[0], null, Timeout());
        var wanted = alternate.TopIssuerCommonName()!;
        wanted.Should().NotBe(issued.Chain.TopIssuerCommonName());

        var preferred = await client.DownloadCertificateAsync(issued.Order.Certificate!, wanted, Timeout());
        var fallback = await client.DownloadCertificateAsync(issued.Order.Certificate!, "No Such Root", Timeout());

        preferred.TopIssuerCommonName().Should().Be(wanted);
        using (var chain = new ChainOf(preferred))
        {
            (await chain.BuildsToAsync(fixture.Environment.Pebble, rootIndex: 1)).Should().BeTrue(chain.Status);
        }

        fallback.Pem.Should().Be(issued.Chain.Pem);
    }

    [Fact]
    public async Task Order_for_an_unresolvable_challenge_surfaces_the_validation_problem()
    {
        using var client = await fixture.CreateRegisteredClientAsync();
        var order = await client.CreateOrderAsync(new AcmeOrderRequest { Identifiers = [AcmeIdentifier.Dns(Issuance.UniqueName("nope"))] }, Timeout());
        var authorization = await client.GetAuthorizationAsync(order.Authorizations[0], Timeout());

        await client.AcceptChallengeAsync(authorization.Challenge("http-01")!.Url, Timeout());
        var done = await client.WaitForAuthorizationAsync(authorization.Url!, TimeProvider.System, Timeout());

        done.Status.Should().Be(AcmeStatus.Invalid);
        done.Challenge("http-01")!.Error!.Type.Should().StartWith("urn:ietf:params:acme:error:");
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
