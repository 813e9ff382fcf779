using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CertOperator.Testing.RealKube;
using CertOperator.TestApiServer.Tests.Infrastructure;

namespace CertOperator.TestApiServer.Tests.Admission;

/// <summary>
/// The same webhook outcomes on a real kube-apiserver 1.24 and on the test API server: status code and the whole
/// Status body of a denial, a denial with code and reason, a failed call under failurePolicy Fail, and a mutation.
/// </summary>
public sealed partial class AdmissionParityTests : IAsyncLifetime, IDisposable
{
    private RealKubeApiServer _kube = null!;
    private KubeApiServer _test = null!;
    private TinyWebhook _webhook = null!;
    private ApiClient _real = null!;
    private ApiClient _fake = null!;

    public async Task InitializeAsync()
    {
        _webhook = await TinyWebhook.StartAsync();
        _test = await KubeApiServer.StartAsync(new KubeApiServerOptions());
        _fake = new ApiClient(_test.CreateHttpClient());
        _kube = await RealKubeApiServer.StartAsync(CancellationToken.None);
        _real = new ApiClient(AdminClient(_kube));
    }

    public void Dispose()
    {
        _real?.Dispose();
        _fake?.Dispose();
    }

    public async Task DisposeAsync()
    {
        if (_kube is not null)
        {
            await _kube.DisposeAsync();
        }

        if (_test is not null)
        {
            await _test.DisposeAsync();
        }

        if (_webhook is not null)
        {
            await _webhook.DisposeAsync();
        }
    }

    [Fact]
    public async Task Denials_failed_calls_and_mutations_answer_as_kube_apiserver_does()
    {
        foreach (var api in new[] { _real, _fake })
        {
            await api.CreateAsync("/api/v1/namespaces", WebhookGen.Namespace("parity"));
            await api.CreateAsync(WebhookGen.ValidatingPath, WebhookGen.Configuration("ValidatingWebhookConfiguration", "parity",
                Named(WebhookGen.Webhook("deny.example.com", _webhook.Url("/deny"), _webhook.CaBundle, "parity"), "deny-me"),
                Named(WebhookGen.Webhook("forbid.example.com", _webhook.Url("/forbid"), _webhook.CaBundle, "parity"), "forbid-me"),
                Named(WebhookGen.Webhook("failing.example.com", "https://127.0.0.1:9/nothing", _webhook.CaBundle, "parity"), "unreachable")));
            await api.CreateAsync(WebhookGen.MutatingPath, WebhookGen.Configuration("MutatingWebhookConfiguration", "parity",
                Named(WebhookGen.Webhook("mutate.example.com", _webhook.Url("/mutate"), _webhook.CaBundle, "parity"), "mutate-me")));
        }

        foreach (var name in new[] { "deny-me", "forbid-me", "unreachable" })
        {
            var real = await RefusedAsync(_real, name);
            var fake = await _fake.PostAsync(WebhookGen.ConfigMaps("parity"), Labelled(name));
            fake.Status.Should().Be(real.Status, name);
            JsonNode.DeepEquals(fake.Body, real.Body).Should().BeTrue($"{name}: real {real.Body?.ToJsonString()}\ntest {fake.Body?.ToJsonString()}");
        }

        var realMutated = await _real.CreateAsync(WebhookGen.ConfigMaps("parity"), Labelled("mutate-me"));
        var fakeMutated = await _fake.CreateAsync(WebhookGen.ConfigMaps("parity"), Labelled("mutate-me"));
        fakeMutated["metadata"]!["labels"]!.ToJsonString().Should().Be(realMutated["metadata"]!["labels"]!.ToJsonString());
    }

    /// <summary>kube-apiserver reads webhook configurations from a cache: retry until the new one answers.</summary>
    private static async Task<(HttpStatusCode Status, JsonNode? Body)> RefusedAsync(ApiClient api, string name)
    {
        (HttpStatusCode Status, JsonNode? Body) result = default;
        await Eventually.TrueAsync(async () =>
        {
            result = await api.PostAsync(WebhookGen.ConfigMaps("parity"), Labelled(name));
            return result.Status != HttpStatusCode.Created;
        }, TimeSpan.FromSeconds(30));
        result.Status.Should().NotBe(HttpStatusCode.Created, $"{name} must be refused by the real kube-apiserver");
        return result;
    }

    /// <summary>Each webhook sees only ConfigMaps labelled for it, so one configuration holds several outcomes.</summary>
    private static JsonObject Named(JsonObject webhook, string configMap)
    {
        webhook["objectSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["case"] = configMap } };
        return webhook;
    }

    private static JsonObject Labelled(string name)
    {
        var configMap = WebhookGen.ConfigMap(name);
        configMap["metadata"]!["labels"] = new JsonObject { ["case"] = name };
        return configMap;
    }

    /// <summary>An HTTP client as kubectl's admin user: server, CA data and token from the admin kubeconfig.</summary>
    private static HttpClient AdminClient(RealKubeApiServer kube)
    {
        var kubeconfig = File.ReadAllText(kube.AdminKubeconfig);
        var trust = new X509Certificate2Collection();
        trust.ImportFromPem(Encoding.ASCII.GetString(Convert.FromBase64String(Field(kubeconfig, "certificate-authority-data"))));
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.AddRange(trust);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return certificate is not null && chain.Build(certificate);
            },
        };
        return new HttpClient(handler)
        {
            BaseAddress = new Uri(Field(kubeconfig, "server")),
            DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", Field(kubeconfig, "token")) },
        };
    }

    private static string Field(string kubeconfig, string name) =>
        KubeconfigField().Matches(kubeconfig).First(m => m.Groups[1].Value == name).Groups[2].Value.Trim('"');

    [GeneratedRegex(@"^\s*([a-z-]+):\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex KubeconfigField();
}
