using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.WellKnown;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using CertOperator.Testing;
using CertOperator.Tests.Certificates.Pki;
using CertOperator.Tests.Hosting;

namespace CertOperator.Tests.Certificates;

/// <summary>
/// The whole operator against the test API server: the chain a CA issuer signs in this process reaches the
/// Certificate's Secret from the status write that stored it, without reading the CertificateRequest back; the
/// Secrets it writes are read from the cache; and a chain nothing will read goes with its request.
/// </summary>
public sealed class SignedChainReadsTests : IAsyncLifetime, IDisposable
{
    private const string Ns = "default";
    private const int Certificates = 5;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ECDsa _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private X509Certificate2 _ca = null!;
    private FakeClockCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var request = new CertificateRequest("CN=memo-ca", _caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        _ca = request.CreateSelfSigned(_clock.GetUtcNow().AddDays(-1), _clock.GetUtcNow().AddYears(10));
        _cluster = await FakeClockCluster.StartAsync(_clock, "cert-manager");
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    public void Dispose()
    {
        _ca.Dispose();
        _caKey.Dispose();
    }

    [Fact]
    public async Task Certificates_from_a_CA_issuer_get_their_chain_without_a_CertificateRequest_GET()
    {
        await _cluster.CaIssuerAsync(Ns, _ca.ExportCertificatePem(), _caKey.ExportPkcs8PrivateKeyPem());
        var before = _cluster.Server.Requests.Snapshot();

        for (var i = 0; i < Certificates; i++)
        {
            await _cluster.Client.CreateAsync(Gen.Certificate($"web-{i}", Ns, s =>
            {
                s.DnsNames = [$"web-{i}.example.com"];
                s.PrivateKey = new CertificatePrivateKey { Algorithm = "ECDSA", Size = 256 };
            }));
        }

        await _cluster.EventuallyAsync(() => Task.FromResult(Enumerable.Range(0, Certificates).All(Issued)), $"{Certificates} certificates are issued and Ready");
        await _cluster.SettledAsync();
        var after = _cluster.Server.Requests.Snapshot();

        RequestCounter.Delta(before, after, "POST certificaterequests 201").Should().Be(Certificates, "each Certificate asked for one signature");
        RequestCounter.Delta(before, after, "GET secrets").Should().Be(1, "the CA's key pair, once: every Secret this process wrote is read from the cache");
        RequestCounter.Delta(before, after, "DELETE secrets 404").Should().Be(0, "each temporary key Secret is deleted once");

        // A first issuance creates its Secret. A replaced one means the issuing step ran again on a Certificate cache that had
        // not yet shown its own status write: that run finds the payload already taken and reads it back, as before the memo.
        var reruns = RequestCounter.Delta(before, after, "PUT secrets");
        RequestCounter.Delta(before, after, "GET certificaterequests").Should().Be(reruns, "every chain came from the status write that stored it; requests:\n{0}",
            string.Join("\n", after.Where(kv => kv.Value != before.GetValueOrDefault(kv.Key)).Select(kv => $"{kv.Key}: {kv.Value - before.GetValueOrDefault(kv.Key)}")));
        for (var i = 0; i < Certificates; i++)
        {
            var data = _cluster.Observer.GetInformer<Secret>().Store.Find(new ObjectKey(Ns, $"web-{i}-tls"))!.Data!;
            Encoding.ASCII.GetString(data["ca.crt"]).Trim().Should().Be(_ca.ExportCertificatePem().Trim());
            using var leaf = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(data["tls.crt"]));
            leaf.GetNameInfo(X509NameType.DnsName, false).Should().Be($"web-{i}.example.com");
            SignedByCa(leaf).Should().BeTrue($"web-{i}'s certificate is signed by the CA");
        }
    }

    [Fact]
    public async Task A_signed_request_deleted_before_its_Certificate_read_the_chain_leaves_no_payload_behind()
    {
        await _cluster.CaIssuerAsync(Ns, _ca.ExportCertificatePem(), _caKey.ExportPkcs8PrivateKeyPem());
        var payloads = _cluster.Operator.Service<SignedPayloadMemo<Crds.CertificateRequests.CertificateRequest>>();
        var gone = Gen.Certificate("gone", Ns);
        var csr = PkiFixtures.Csr(PkiFixtures.Spec(s => s.DnsNames = ["gone.example.com"]), PkiFixtures.EcKeyPem);
        var request = Gen.Request(gone, 1, s => s.Request = Convert.ToBase64String(Encoding.ASCII.GetBytes(csr)));
        request.Metadata.OwnerReferences = [Owners.ControllerReference(gone)];

        // The test server has no garbage collector: the request outlives its Certificate, which is never created here.
        await _cluster.Client.CreateAsync(request);
        await _cluster.EventuallyAsync(async () => Conditions.IsTrue((await _cluster.Client.GetAsync<Crds.CertificateRequests.CertificateRequest>(Ns, "gone-1")).Status?.Conditions, ConditionTypes.Ready), "the request is signed");
        await _cluster.SettledAsync();
        payloads.Count.Should().Be(1, "the chain waits for its Certificate's issuing step");

        await _cluster.Client.DeleteAsync<Crds.CertificateRequests.CertificateRequest>(Ns, "gone-1");

        await _cluster.EventuallyAsync(() => Task.FromResult(payloads.Count == 0), "the payload goes with its request");
    }

    private bool Issued(int i) =>
        _cluster.Observer.GetInformer<Certificate>().Store.Find(new ObjectKey(Ns, $"web-{i}")) is { Status: { Revision: 1 } status }
        && Conditions.IsTrue(status.Conditions, ConditionTypes.Ready) && !Conditions.IsTrue(status.Conditions, ConditionTypes.Issuing)
        && _cluster.Observer.GetInformer<Secret>().Store.Find(new ObjectKey(Ns, $"web-{i}-tls"))?.Data?.ContainsKey("tls.crt") == true;

    private bool SignedByCa(X509Certificate2 leaf)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _clock.GetUtcNow().UtcDateTime;
        return chain.Build(leaf);
    }
}
