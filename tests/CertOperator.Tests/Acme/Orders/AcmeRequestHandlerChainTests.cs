using System.Diagnostics;
using System.Text;
using CertOperator.Acme.Orders;
using CertOperator.CertificateRequests;
using CertOperator.Certificates;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;
using CertOperator.Crds.Orders;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using CertOperator.Testing;
using k8s.Models;

namespace CertOperator.Tests.Acme.Orders;

/// <summary>
/// A valid Order's chain, which the cache trims, comes from the status write of this process that stored it when the
/// cache shows that very version; otherwise (an Order written elsewhere, or before a restart) from one GET.
/// </summary>
public sealed class AcmeRequestHandlerChainTests : IAsyncLifetime
{
    private const string Ns = "default";
    private const string ChainPem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    private TestCluster _cluster = null!;

    private KubeApiServer Server => _cluster.Server;

    private KubernetesClient Client => _cluster.Client;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartWithCrdsAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [InlineData("written by this process", true, 0)]
    [InlineData("written elsewhere", false, 1)]
    public async Task The_chain_of_a_trimmed_valid_Order_is_read_back_only_when_this_process_did_not_write_it(string name, bool ourWrite, int gets)
    {
        var options = new OperatorOptions { ClusterResourceNamespace = "cert-manager" };
        await using var informers = new SharedInformerFactory(Client);
        var store = new CertificateStore(informers, Client, options);
        var orders = informers.GetInformer<Order>();
        informers.GetInformer<Challenge>();
        informers.Start();
        await informers.WaitForSyncAsync(CancellationToken.None);
        using var events = new EventRecorder(Client, "test");
        var memo = new SignedPayloadMemo<Order>(SignedPayload.Of);
        var handler = new AcmeRequestHandler(informers, Client, memo, events, store, options);
        var order = await Client.CreateAsync(new Order
        {
            Metadata = new V1ObjectMeta { Name = "web-1", NamespaceProperty = Ns },
            Spec = new OrderSpec { Request = "Y3Ny", IssuerRef = new IssuerReference { Name = "acme", Kind = "Issuer" } },
        });
        order.Status = new OrderStatus { State = AcmeStates.Valid, Certificate = Convert.ToBase64String(Encoding.ASCII.GetBytes(ChainPem)) };
        var valid = ourWrite
            ? await memo.WriteAsync(ObjectKey.Of(order), ct => Client.ReplaceStatusAsync(order, ct), CancellationToken.None)
            : await Client.ReplaceStatusAsync(order);
        await CachedAsync(orders, valid.Metadata.ResourceVersion!);
        var request = new CertificateRequest { Metadata = new V1ObjectMeta { Name = "web-1", NamespaceProperty = Ns } };

        var before = Server.Requests.Snapshot();
        var progress = await handler.ProgressAsync(request, new Issuer(), CancellationToken.None);
        var after = Server.Requests.Snapshot();

        progress.CertificatePem.Should().Be(ChainPem, name);
        RequestCounter.Delta(before, after, "GET orders").Should().Be(gets, name);
        memo.Count.Should().Be(0, $"{name}: nothing stays behind");
    }

    private static async Task CachedAsync(IInformer<Order> orders, string resourceVersion)
    {
        var deadline = Stopwatch.StartNew();
        while (orders.Store.Find(new ObjectKey(Ns, "web-1")) is not { } cached || cached.Metadata.ResourceVersion != resourceVersion)
        {
            deadline.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the Order cache catches up with the status write");
            await Task.Delay(2);
        }

        orders.Store.Find(new ObjectKey(Ns, "web-1"))!.IsPayloadTrimmed().Should().BeTrue("a valid Order is cached without its chain");
    }
}
