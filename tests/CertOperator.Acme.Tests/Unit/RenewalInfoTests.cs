using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertOperator.Acme.Ari;
using CertOperator.Acme.Model;
using CertOperator.Acme.Tests.Support;
using CertOperator.Testing;

namespace CertOperator.Acme.Tests.Unit;

public sealed class RenewalInfoTests : IDisposable
{
    private const string Rfc9773Id = "aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE";
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeAcmeServer _server = new();

    [Fact]
    public void Certificate_identifier_matches_the_rfc_9773_example()
    {
        using var certificate = CertificateWith(Convert.FromHexString("69885B6B87464041E1B37B847BA0AE2CDE01C8D4"), [0x00, 0x87, 0x65, 0x43, 0x21]);

        AriCertificateId.For(certificate).Should().Be(Rfc9773Id);
    }

    [Fact]
    public async Task Renewal_info_is_fetched_with_its_window_explanation_and_retry_after()
    {
        _server.OnJson("renewal-info/" + Rfc9773Id, HttpStatusCode.OK, """
            {"suggestedWindow":{"start":"2025-01-02T04:00:00Z","end":"2025-01-03T04:00:00Z"},
             "explanationURL":"https://acme.example.com/docs/ari"}
            """, r => r.Headers.TryAddWithoutValidation("Retry-After", "21600"));
        using var client = _server.CreateClient(new FakeTimeProvider(Now));
        using var certificate = CertificateWith(Convert.FromHexString("69885B6B87464041E1B37B847BA0AE2CDE01C8D4"), [0x00, 0x87, 0x65, 0x43, 0x21]);

        var info = await client.GetRenewalInfoAsync(certificate, CancellationToken.None);

        info!.SuggestedWindow.Start.Should().Be(new DateTimeOffset(2025, 1, 2, 4, 0, 0, TimeSpan.Zero));
        info.SuggestedWindow.End.Should().Be(new DateTimeOffset(2025, 1, 3, 4, 0, 0, TimeSpan.Zero));
        info.ExplanationUrl.Should().Be(new Uri("https://acme.example.com/docs/ari"));
        info.RetryAfter.Should().Be(Now.AddHours(6));
        _server.Requests.Last().Method.Should().Be(HttpMethod.Get, "renewalInfo is an unauthenticated GET");
    }

    [Fact]
    public async Task A_server_without_renewal_info_yields_null()
    {
        _server.OfferRenewalInfo = false;
        using var client = _server.CreateClient();
        using var certificate = CertificateWith([1, 2, 3], [5]);

        (await client.GetRenewalInfoAsync(certificate, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task New_orders_carry_replaces_and_profile()
    {
        _server.On("new-order", _ => ProblemAndRetryTests.OrderResponse());
        using var client = _server.CreateClient();

        await client.CreateOrderAsync(new AcmeOrderRequest { Identifiers = [AcmeIdentifier.Dns("a.example.test")], Replaces = Rfc9773Id, Profile = "shortlived" }, CancellationToken.None);

        var payload = _server.Requests.Single(r => r.Url.AbsolutePath == "/new-order").Payload!;
        payload["replaces"]!.GetValue<string>().Should().Be(Rfc9773Id);
        payload["profile"]!.GetValue<string>().Should().Be("shortlived");
        (await client.GetDirectoryAsync(CancellationToken.None)).Meta!.Profiles.Should().ContainKey("shortlived");
    }

    [Fact]
    public void Picked_renewal_times_fall_inside_the_window()
    {
        var window = new AcmeRenewalWindow { Start = Now.AddDays(1), End = Now.AddDays(2) };
        var random = new Random(7);

        var picks = Enumerable.Range(0, 200).Select(_ => window.PickRenewalTime(Now, random)).ToList();

        picks.Should().OnlyContain(p => p >= window.Start && p <= window.End);
        picks.Distinct().Should().HaveCountGreaterThan(150, "renewals are spread across the window");
    }

    [Fact]
    public void A_window_in_the_past_means_renew_now()
    {
        var window = new AcmeRenewalWindow { Start = Now.AddDays(-2), End = Now.AddDays(-1) };

        window.PickRenewalTime(Now, new Random(1)).Should().Be(Now);
    }

    [Fact]
    public void Certificates_without_an_authority_key_identifier_have_no_ari_id()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var selfSigned = new CertificateRequest("CN=x", key, HashAlgorithmName.SHA256).CreateSelfSigned(Now, Now.AddDays(1));

        var act = () => AriCertificateId.For(selfSigned);

        act.Should().Throw<ArgumentException>().WithMessage("*Authority Key Identifier*");
    }

    private static X509Certificate2 CertificateWith(byte[] authorityKeyId, byte[] serial)
    {
        using var issuerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var issuerRequest = new CertificateRequest("CN=Issuer", issuerKey, HashAlgorithmName.SHA256);
        issuerRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var issuer = issuerRequest.CreateSelfSigned(Now.AddDays(-1), Now.AddYears(1));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=leaf", leafKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(authorityKeyId));
        return request.Create(issuer, Now.AddDays(-1), Now.AddDays(30), serial);
    }

    public void Dispose() => _server.Dispose();
}
