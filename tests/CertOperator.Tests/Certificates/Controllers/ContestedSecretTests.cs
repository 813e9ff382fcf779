using System.Text;
using CertOperator.Certificates;
using CertOperator.Crds.Certificates;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using CertOperator.Testing;
using k8s.Models;

namespace CertOperator.Tests.Certificates.Controllers;

/// <summary>
/// The certificate controllers' tests against the test API server, one namespace each: Certificates naming the Secret
/// "shared", which Certificate "owner" may hold, and a store over caches that can be stopped to stay behind.
/// </summary>
public abstract class ContestedSecretTests(string ns) : IAsyncLifetime
{
    protected const string SecretName = "shared";

    private TestCluster _cluster = null!;

    protected string Ns { get; } = ns;

    protected KubeApiServer Server => _cluster.Server;

    protected KubernetesClient Client => _cluster.Client;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartWithCrdsAsync(Ns);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    protected async Task<Certificate> CreateCertificateAsync(string name)
    {
        var certificate = Gen.Certificate(name, Ns, s => s.SecretName = SecretName);
        certificate.Metadata.Uid = null;
        return await Client.CreateAsync(certificate);
    }

    /// <summary>The Secret as Certificate "owner" wrote it: its annotation and a key pair.</summary>
    protected Task<Secret> CreateOwnersSecretAsync() => Client.CreateAsync(new Secret
    {
        Metadata = new V1ObjectMeta { Name = SecretName, NamespaceProperty = Ns, Annotations = new Dictionary<string, string>() { ["cert-manager.io/certificate-name"] = "owner" } },
        Type = "kubernetes.io/tls",
        Data = new Dictionary<string, byte[]>() { ["tls.crt"] = Encoding.ASCII.GetBytes("owner's certificate"), ["tls.key"] = Encoding.ASCII.GetBytes("owner's key") },
    });

    /// <summary>A certificate store over <paramref name="informers"/>' caches, once they have synced.</summary>
    private protected async Task<CertificateStore> SyncedStoreAsync(SharedInformerFactory informers)
    {
        var store = new CertificateStore(informers, Client, new OperatorOptions { ClusterResourceNamespace = "cert-manager" });
        informers.Start();
        await informers.WaitForSyncAsync(CancellationToken.None);
        return store;
    }
}
