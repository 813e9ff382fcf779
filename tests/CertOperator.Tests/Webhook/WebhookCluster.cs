using System.Net;
using System.Text;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;
using CertOperator.Generation;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Testing;
using CertOperator.Testing.Processes;
using CertOperator.Testing.RealKube;
using CertOperator.Webhook;
using CertOperator.Webhook.Serving;
using CertOperator.Webhook.Wire;
using Microsoft.AspNetCore.Builder;

namespace CertOperator.Tests.Webhook;

/// <summary>
/// A real kube-apiserver calling the webhook, which runs in the test process on loopback as the ServiceAccount
/// config/rbac gives it (a TokenRequest token), behind configurations registered by URL without a caBundle: the
/// webhook has to publish its CA itself before anything is admitted. Its CA and certificate live seconds, so they
/// rotate while the tests run.
/// </summary>
public sealed class WebhookCluster : IAsyncLifetime
{
    public const string Namespace = "webhook-e2e";

    public RealKubeApiServer Kube { get; private set; } = null!;

    public KubernetesClient Admin { get; private set; } = null!;

    public int SecurePort { get; } = FreePort.Next();

    public int HealthPort { get; } = FreePort.Next();

    private WebApplication _webhook = null!;

    private string Folder { get; } = Directory.CreateTempSubdirectory("certoperator-webhook-").FullName;

    public async Task InitializeAsync()
    {
        Kube = await RealKubeApiServer.StartAsync(CancellationToken.None);
        Admin = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [Kube.AdminKubeconfig] }));
        var token = (await Kube.KubectlAsync(
            ["create", "token", OperatorPermissions.WebhookServiceAccount, "-n", RealKubeApiServer.OperatorNamespace, "--duration", "2h"], CancellationToken.None)).Trim();
        var kubeconfig = Write("webhook.kubeconfig", KubeconfigYaml.For(
            $"https://127.0.0.1:{Kube.ApiPort}", File.ReadAllText(Path.Combine(Kube.BaseFolder, "pki", "ca.crt")), $"        token: {token}"));
        _webhook = WebhookHost.Build(new WebhookSettings
        {
            Kubeconfig = kubeconfig,
            SecureEndpoint = new IPEndPoint(IPAddress.Loopback, SecurePort),
            HealthEndpoint = new IPEndPoint(IPAddress.Loopback, HealthPort),
            Serving = new ServingIdentity
            {
                SecretNamespace = RealKubeApiServer.OperatorNamespace,
                SecretName = OperatorPermissions.WebhookCaSecret,
                DnsNames = ["127.0.0.1"],
                CaDuration = TimeSpan.FromSeconds(45),
                LeafDuration = TimeSpan.FromSeconds(15),
                CaPropagationDelay = TimeSpan.FromSeconds(3),
            },
            SyncInterval = TimeSpan.FromSeconds(1),
            ValidatingWebhookConfiguration = OperatorPermissions.WebhookConfiguration,
            MutatingWebhookConfiguration = OperatorPermissions.WebhookConfiguration,
        });
        await _webhook.StartAsync();
        await Kube.KubectlAsync(["create", "namespace", Namespace], CancellationToken.None);
        // As config/default/namespace.yaml labels it: the operator's namespace is not validated.
        await Kube.KubectlAsync(
            ["label", "namespace", RealKubeApiServer.OperatorNamespace, "cert-manager.io/disable-validation=true"], CancellationToken.None);
        await Kube.KubectlAsync(["apply", "-f", Write("configurations.yaml", Configurations())], CancellationToken.None);
        await WaitForCaBundlesAsync();
    }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>kubectl as admin (or as <c>--as</c> someone) with its exit code and output, not throwing.</summary>
    public async Task<ExternalCommand.Result> KubectlAsync(params string[] args) =>
        await ExternalCommand.RunAsync("kubectl", ["--kubeconfig", Kube.AdminKubeconfig, "--cache-dir", Path.Combine(Folder, "kubectl-cache"), .. args]);

    /// <summary>A PEM CSR for <paramref name="dnsName"/>, base64-encoded as spec.request wants it.</summary>
    public static string Csr(string dnsName)
    {
        using var key = PrivateKey.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa, 256, KeyEncoding.Pkcs8, RotateAlways: true)).Value!;
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(CsrBuilder.Build(new CertificateSpec { DnsNames = [dnsName] }, key).Value!));
    }

    public async Task DisposeAsync()
    {
        await _webhook.StopAsync();
        await _webhook.DisposeAsync();
        Admin.Dispose();
        await Kube.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    private async Task WaitForCaBundlesAsync()
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var validating = await Admin.GetAsync<ValidatingWebhookConfiguration>(null, OperatorPermissions.WebhookConfiguration);
            var mutating = await Admin.GetAsync<MutatingWebhookConfiguration>(null, OperatorPermissions.WebhookConfiguration);
            if (validating.Webhooks![0].ClientConfig?.CaBundle is not null && mutating.Webhooks![0].ClientConfig?.CaBundle is not null)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the webhook did not publish its CA into its configurations within 30 s");
    }

    /// <summary>config/default's two configurations, pointed at the loopback URL instead of the Service.</summary>
    private string Configurations() => $$"""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata:
          name: {{OperatorPermissions.WebhookConfiguration}}
        webhooks:
          - name: webhook.cert-manager.io
            namespaceSelector:
              matchExpressions:
                - key: cert-manager.io/disable-validation
                  operator: NotIn
                  values: ["true"]
            rules:
              - apiGroups: ["cert-manager.io", "acme.cert-manager.io"]
                apiVersions: ["v1"]
                operations: ["CREATE", "UPDATE"]
                resources: ["*/*"]
            admissionReviewVersions: ["v1"]
            matchPolicy: Equivalent
            timeoutSeconds: 10
            failurePolicy: Fail
            sideEffects: None
            clientConfig:
              url: https://127.0.0.1:{{SecurePort}}/validate
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: MutatingWebhookConfiguration
        metadata:
          name: {{OperatorPermissions.WebhookConfiguration}}
        webhooks:
          - name: webhook.cert-manager.io
            rules:
              - apiGroups: ["cert-manager.io"]
                apiVersions: ["v1"]
                operations: ["CREATE"]
                resources: ["certificaterequests"]
            admissionReviewVersions: ["v1"]
            matchPolicy: Equivalent
            timeoutSeconds: 10
            failurePolicy: Fail
            sideEffects: None
            clientConfig:
              url: https://127.0.0.1:{{SecurePort}}/mutate
        """;
}
