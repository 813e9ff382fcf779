using System.Globalization;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Crds.Certificates;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Model;
using CertOperator.Testing;
using CertOperator.Testing.RealKube;

namespace CertOperator.Tests.EndToEnd;

/// <summary>The operator's client on a real kube-apiserver with kubeconfig users other than a static token.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class KubeApiServerCredentialsTests(KubeApiServerCredentialsTests.Cluster cluster) : IClassFixture<KubeApiServerCredentialsTests.Cluster>
{
    [Fact]
    public async Task An_exec_credential_plugin_printing_the_service_account_token_authenticates_the_operator()
    {
        var token = KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [cluster.Kube.OperatorKubeconfig] }).Settings.AccessToken!;
        var runs = Path.Combine(cluster.Folder, $"runs-{Guid.NewGuid():N}");
        var plugin = cluster.Write($"get-token-{Guid.NewGuid():N}", $$$"""
            #!/bin/sh
            echo run >> "{{{runs}}}"
            printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s","expirationTimestamp":"{{{Expires(TimeSpan.FromHours(1))}}}"}}' "$TOKEN"
            """);
        File.SetUnixFileMode(plugin, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var kubeconfig = cluster.Kubeconfig($"""
                  exec:
                    apiVersion: client.authentication.k8s.io/v1
                    command: {plugin}
                    env:
                    - name: TOKEN
                      value: {token}
            """);
        using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [kubeconfig] }));

        var certificates = await client.ListAsync<Certificate>();
        var secrets = await client.ListMetadataAsync<Secret>(RealKubeApiServer.OperatorNamespace);
        var namespaces = await Assert.ThrowsAsync<KubernetesApiException>(() => client.ListAsync<KubeNamespace>());

        certificates.Items.Should().NotBeNull();
        secrets.Items.Should().NotBeNull();
        namespaces.StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden, "the plugin's token is the RBAC-limited ServiceAccount, not admin");
        namespaces.Message.Should().Contain("system:serviceaccount:certoperator-system:certoperator").And.NotContain(token);
        File.ReadAllLines(runs).Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_client_certificate_signed_by_the_cluster_CA_authenticates()
    {
        var (certificatePem, keyPem) = cluster.IssueClientCertificate("certoperator-test-admin", "system:masters");
        var kubeconfig = cluster.Kubeconfig($"""
                  client-certificate-data: {Base64(certificatePem)}
                  client-key-data: {Base64(keyPem)}
            """);
        using var client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [kubeconfig] }));

        var namespaces = await client.ListAsync<KubeNamespace>();

        namespaces.Items.Select(n => n.Metadata.Name).Should().Contain(RealKubeApiServer.OperatorNamespace, "only a system:masters identity may list namespaces here");
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Expires(TimeSpan validFor) =>
        DateTime.UtcNow.Add(validFor).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>One real control plane for the class, plus a scratch folder for kubeconfigs and plugins.</summary>
    public sealed class Cluster : IAsyncLifetime
    {
        public RealKubeApiServer Kube { get; private set; } = null!;

        public string Folder { get; } = Directory.CreateTempSubdirectory("certoperator-credentials-").FullName;

        private string CaPath => Path.Combine(Kube.BaseFolder, "pki", "ca.crt");

        public async Task InitializeAsync() => Kube = await RealKubeApiServer.StartAsync(CancellationToken.None);

        public string Write(string name, string content)
        {
            var path = Path.Combine(Folder, name);
            File.WriteAllText(path, content);
            return path;
        }

        /// <summary>A kubeconfig for the real API server, verified against its CA, with <paramref name="user"/> as the user body.</summary>
        public string Kubeconfig(string user) =>
            Write($"kubeconfig-{Guid.NewGuid():N}", KubeconfigYaml.For($"https://127.0.0.1:{Kube.ApiPort}", File.ReadAllText(CaPath), user));

        /// <summary>A client certificate the API server accepts (--client-ca-file is the cluster CA): CN is the user, O the group.</summary>
        public (string CertificatePem, string KeyPem) IssueClientCertificate(string user, string group)
        {
            using var ca = X509Certificate2.CreateFromPemFile(CaPath, Path.Combine(Kube.BaseFolder, "pki", "ca.key"));
            using var key = RSA.Create(2048);
            var request = new CertificateRequest($"CN={user}, O={group}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
            using var certificate = request.Create(ca, ca.NotBefore, DateTimeOffset.UtcNow.AddHours(1), RandomNumberGenerator.GetBytes(16));
            return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
        }

        public async Task DisposeAsync()
        {
            await Kube.DisposeAsync();
            Directory.Delete(Folder, recursive: true);
        }
    }
}
