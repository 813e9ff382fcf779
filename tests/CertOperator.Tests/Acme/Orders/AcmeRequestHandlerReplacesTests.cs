using System.Security.Cryptography;
using System.Text;
using CertOperator.Acme.Orders;
using CertOperator.CertificateRequests;
using CertOperator.Certificates;
using CertOperator.Crds.Acme;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Orders;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.Testing;
using CertOperator.Tests.Certificates.Ari;
using Csr = System.Security.Cryptography.X509Certificates.CertificateRequest;
using SanBuilder = System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder;
using k8s.Models;

namespace CertOperator.Tests.Acme.Orders;

/// <summary>The Order of a renewal names the certificate it replaces (Order spec.replaces), as cert-manager 1.21 with ACMEUseARI.</summary>
public sealed class AcmeRequestHandlerReplacesTests : IAsyncLifetime
{
    private const string Ns = "renew";
    private readonly AriTestCertificate _current = AriTestCertificate.Issue(DateTimeOffset.UtcNow.AddDays(-60), TimeSpan.FromDays(90));
    private TestCluster _cluster = null!;

    private KubernetesClient Client => _cluster.Client;

    public async Task InitializeAsync()
    {
        _cluster = await TestCluster.StartWithCrdsAsync(Ns);
        await Client.CreateAsync(Gen.Certificate("web", Ns, s => s.IssuerRef = new IssuerReference { Name = "acme", Kind = "Issuer" }));
        await Client.CreateAsync(_current.Secret("web-tls", Ns, "web"));
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_renewal_Order_replaces_the_certificate_in_the_Secret_only_with_ACMEUseARI(bool acmeUseAri)
    {
        var options = new OperatorOptions { ClusterResourceNamespace = "cert-manager", FeatureGates = new FeatureGates { AcmeUseAri = acmeUseAri } };
        await using var informers = new SharedInformerFactory(Client);
        var store = new CertificateStore(informers, Client, options);
        informers.GetInformer<Order>();
        informers.GetInformer<Challenge>();
        informers.Start();
        await informers.WaitForSyncAsync(CancellationToken.None);
        using var events = new EventRecorder(Client, "test");
        var handler = new AcmeRequestHandler(informers, Client, new SignedPayloadMemo<Order>(SignedPayload.Of), events, store, options);
        var issuer = new Issuer
        {
            Metadata = new V1ObjectMeta { Name = "acme", NamespaceProperty = Ns },
            Spec = new IssuerSpec { Acme = new AcmeIssuer { Server = "https://acme.example/directory", PrivateKeySecretRef = new SecretKeySelector { Name = "acme-account" } } },
        };

        var progress = await handler.ProgressAsync(await Client.CreateAsync(Renewal()), issuer, CancellationToken.None);

        progress.PendingMessage.Should().StartWith("Created Order resource");
        (await Client.GetAsync<Order>(Ns, "web-2")).Spec.Replaces.Should().Be(acmeUseAri ? _current.AriId : null);
    }

    private static CertificateRequest Renewal()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new Csr("CN=example.com", key, HashAlgorithmName.SHA256);
        var names = new SanBuilder();
        names.AddDnsName("example.com");
        csr.CertificateExtensions.Add(names.Build());
        return new CertificateRequest
        {
            Metadata = new V1ObjectMeta
            {
                Name = "web-2",
                NamespaceProperty = Ns,
                Annotations = new Dictionary<string, string>() { ["cert-manager.io/certificate-name"] = "web", ["cert-manager.io/certificate-revision"] = "2" },
            },
            Spec = new CertificateRequestSpec
            {
                IssuerRef = new IssuerReference { Name = "acme", Kind = "Issuer" },
                Request = Convert.ToBase64String(Encoding.ASCII.GetBytes(csr.CreateSigningRequestPem())),
            },
        };
    }
}
