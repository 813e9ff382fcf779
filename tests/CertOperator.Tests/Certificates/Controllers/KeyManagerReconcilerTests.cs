using System.Text;
using CertOperator.Certificates;
using CertOperator.Certificates.Controllers;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.WellKnown;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using CertOperator.Testing;
using k8s.Models;

namespace CertOperator.Tests.Certificates.Controllers;

public sealed class KeyManagerReconcilerTests
{
    /// <summary>
    /// The key manager creates the next-key Secret and sets status.nextPrivateKeySecretName; that status write wakes it
    /// again, sometimes before the Secret's own watch event has reached the cache. It used to create the Secret a second
    /// time, fail with 409 AlreadyExists and log an error (seen once in ~240 issuances of the renewal test).
    /// </summary>
    [Fact]
    public async Task A_next_key_Secret_that_exists_but_is_not_cached_yet_is_left_alone_without_an_error()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { CrdDirectory = RepoPaths.Combine("config", "crds") });
        using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [server.KubeconfigPath] }));
        var certificate = await client.CreateAsync(Gen.Certificate("web"));
        certificate.Status = new CertificateStatus
        {
            Conditions = [new Condition { Type = ConditionTypes.Issuing, Status = Conditions.True, Reason = "DoesNotExist" }],
        };
        certificate = await client.ReplaceStatusAsync(certificate);
        var informers = new SharedInformerFactory(client);
        var store = new CertificateStore(informers, client, new OperatorOptions { ClusterResourceNamespace = "cert-manager" });
        informers.Start();
        await informers.WaitForSyncAsync(CancellationToken.None);
        await informers.DisposeAsync();

        // What the previous reconcile created; the stopped caches never see it.
        var name = KeyManagerReconciler.NextKeySecretName(certificate);
        using var key = PrivateKey.Generate(PrivateKeySpec.Resolve(certificate.Spec.PrivateKey).Value!).Value!;
        var keyPem = key.ToPem(KeyEncoding.Pkcs8);
        await client.CreateAsync(new Secret
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", OwnerReferences = [Owners.ControllerReference(certificate)] },
            Data = new Dictionary<string, byte[]>() { ["tls.key"] = Encoding.ASCII.GetBytes(keyPem) },
        });
        var result = await new KeyManagerReconciler(store).ReconcileAsync(ObjectKey.Of(certificate), CancellationToken.None);

        result.Should().Be(ReconcileResult.Done);
        Encoding.ASCII.GetString((await client.GetAsync<Secret>("default", name)).Data!["tls.key"]).Should().Be(keyPem, "the key already stored is kept");
        (await client.GetAsync<Certificate>("default", "web")).Status!.NextPrivateKeySecretName.Should().Be(name);
    }
}
