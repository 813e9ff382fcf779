using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CertOperator.Tests.EndToEnd;

/// <summary>
/// cert-manager's cainjector behaviour, as "third-party operators" rely on it: webhook configurations, a converted CRD
/// and an APIService get the CA their annotations name, and the new CA after a renewal. Run on both control planes.
/// </summary>
public abstract partial class CaInjectorTests<TEnvironment>(TEnvironment env) : IClassFixture<TEnvironment>
    where TEnvironment : OperatorEnvironment
{
    private const string Ns = "third-party";
    private const string FromCertificate = "cert-manager.io/inject-ca-from";
    private const string FromSecret = "cert-manager.io/inject-ca-from-secret";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    protected TEnvironment Env => env;

    [Fact]
    public async Task Webhook_configurations_and_a_converted_CRD_get_the_CA_of_the_Certificate_and_the_new_CA_after_renewal()
    {
        await CaIssuedCertificateAsync();
        await env.ApplyAsync(string.Join("\n---\n",
            InjectableManifests.WebhookConfiguration("ValidatingWebhookConfiguration", "third-party-validating", FromCertificate, $"{Ns}/webhook-serving", "validate.third-party.example.com"),
            InjectableManifests.WebhookConfiguration("MutatingWebhookConfiguration", "third-party-mutating", FromCertificate, $"{Ns}/webhook-serving", "default.third-party.example.com", "label.third-party.example.com"),
            InjectableManifests.ConvertedCrd("third-party.example.com", FromCertificate, $"{Ns}/webhook-serving")));
        var firstCa = await CaOfSecretAsync("webhook-serving-tls");

        await BundlesHoldAsync([firstCa]);
        await NoFurtherWritesAsync("validatingwebhookconfiguration", "third-party-validating");

        // Renew the CA, then the serving certificate it signs: the bundles keep the old CA (not expired) and gain the new one.
        await env.KubectlAsync("delete", "secret", "webhook-ca", "-n", Ns);
        await env.EventuallyAsync(() => CaOfSecretOrNullAsync("webhook-ca"), ca => ca is not null && ca != firstCa, Timeout, "CA re-issued");
        await env.KubectlAsync("delete", "secret", "webhook-serving-tls", "-n", Ns);
        var secondCa = await env.EventuallyAsync(() => CaOfSecretOrNullAsync("webhook-serving-tls"), ca => ca is not null && ca != firstCa, Timeout, "serving certificate re-issued by the new CA");

        await BundlesHoldAsync([firstCa, secondCa!]);

        // As in cert-manager, a source that goes away leaves the injected bundles as they are; here an Event says why.
        await env.KubectlAsync("delete", "certificate", "webhook-serving", "-n", Ns);
        await EventAsync("validatingwebhookconfiguration", "third-party-validating", "CertificateNotFound",
            "names Certificate third-party/webhook-serving, which does not exist");
        await BundlesHoldAsync([firstCa, secondCa!]);
    }

    [Fact]
    public async Task APIService_gets_the_CA_the_operator_trusts_for_the_Kubernetes_API()
    {
        await env.ApplyAsync(InjectableManifests.ApiService("fake-api.example.com", Ns, "cert-manager.io/inject-apiserver-ca", "true"));
        try
        {
            var expected = ApiServerCa();
            var bundle = await env.EventuallyAsync(() => BundleAsync("apiservice", "v1alpha1.fake-api.example.com", "spec.caBundle"), b => b.Length > 0, Timeout, "APIService caBundle injected");
            bundle.Should().Equal(expected);
        }
        finally
        {
            // An unavailable aggregated API slows every discovery that follows; do not leave it behind.
            await env.KubectlAsync("delete", "apiservice", "v1alpha1.fake-api.example.com");
        }
    }

    [Fact]
    public async Task A_caBundle_the_API_server_refuses_is_reported_on_the_object()
    {
        await env.ApplyAsync(InjectableManifests.ApiService("insecure-api.example.com", Ns, "cert-manager.io/inject-apiserver-ca", "true")
            .Replace("  groupPriorityMinimum", "  insecureSkipTLSVerify: true\n  groupPriorityMinimum", StringComparison.Ordinal));
        try
        {
            await EventAsync("apiservice", "v1alpha1.insecure-api.example.com", "InjectionRejected", "spec.insecureSkipTLSVerify: Invalid value: true: may not be true if caBundle is present");
        }
        finally
        {
            await env.KubectlAsync("delete", "apiservice", "v1alpha1.insecure-api.example.com");
        }
    }

    [Fact]
    public async Task A_Secret_named_directly_is_injected_only_when_it_allows_direct_injection()
    {
        await env.ApplyAsync(Manifests.Namespace(Ns));
        var ca = SelfSignedCaPem("direct-ca");
        await env.ApplyAsync(Manifests.Secret("direct-ca", Ns, "Opaque", new Dictionary<string, string> { ["ca.crt"] = ca }));
        await env.ApplyAsync(InjectableManifests.WebhookConfiguration("ValidatingWebhookConfiguration", "direct-validating", FromSecret, $"{Ns}/direct-ca", "direct.third-party.example.com"));

        await EventAsync("validatingwebhookconfiguration", "direct-validating", "DirectInjectionNotAllowed", "annotate it cert-manager.io/allow-direct-injection: \"true\"");
        (await BundleAsync("validatingwebhookconfiguration", "direct-validating", "webhooks[0].clientConfig.caBundle")).Should().BeEmpty();

        await env.KubectlAsync("annotate", "secret", "direct-ca", "-n", Ns, "cert-manager.io/allow-direct-injection=true");
        var bundle = await env.EventuallyAsync(() => BundleAsync("validatingwebhookconfiguration", "direct-validating", "webhooks[0].clientConfig.caBundle"), b => b.Length > 0, Timeout, "caBundle injected");
        Encoding.ASCII.GetString(bundle).Should().Be(ca.TrimEnd('\n') + "\n");
    }

    [Fact]
    public async Task Bad_annotations_get_a_Warning_event_naming_the_annotation_and_nothing_is_written()
    {
        await env.ApplyAsync(string.Join("\n---\n",
            InjectableManifests.WebhookConfiguration("ValidatingWebhookConfiguration", "no-namespace", FromCertificate, "webhook-serving", "a.third-party.example.com"),
            InjectableManifests.WebhookConfiguration("MutatingWebhookConfiguration", "missing-certificate", FromCertificate, $"{Ns}/does-not-exist", "b.third-party.example.com")));

        await EventAsync("validatingwebhookconfiguration", "no-namespace", "InvalidCaInjectionAnnotation",
            "annotation cert-manager.io/inject-ca-from: \"webhook-serving\" is not <namespace>/<name>");
        await EventAsync("mutatingwebhookconfiguration", "missing-certificate", "CertificateNotFound",
            "annotation cert-manager.io/inject-ca-from names Certificate third-party/does-not-exist, which does not exist");
        await NoFurtherWritesAsync("mutatingwebhookconfiguration", "missing-certificate");
    }

    /// <summary>A self-signed CA, a CA Issuer on it, and a serving Certificate that Issuer signs, all Ready.</summary>
    private async Task CaIssuedCertificateAsync()
    {
        await env.ApplyAsync(Manifests.Namespace(Ns));
        await env.ApplyAsync(Manifests.SelfSignedClusterIssuer("selfsigned"));
        await env.ApplyAsync(Manifests.CaCertificate("webhook-ca", Ns, "selfsigned"));
        await env.WaitForConditionAsync("certificate", "webhook-ca", Ns);
        await env.ApplyAsync(Manifests.CaIssuer("Issuer", "webhook-ca", "webhook-ca", Ns));
        await env.WaitForConditionAsync("issuer", "webhook-ca", Ns);
        await env.ApplyAsync(Manifests.Certificate("webhook-serving", Ns, "Issuer", "webhook-ca", ["webhook.third-party.svc"]));
        await env.WaitForConditionAsync("certificate", "webhook-serving", Ns);
    }

    /// <summary>Every caBundle of the three injectables holds exactly <paramref name="cas"/>, in order.</summary>
    private async Task BundlesHoldAsync(string[] cas)
    {
        var expected = string.Join(",", cas.Select(Thumbprint));
        foreach (var (resource, name, field) in new[]
        {
            ("validatingwebhookconfiguration", "third-party-validating", "webhooks[0].clientConfig.caBundle"),
            ("mutatingwebhookconfiguration", "third-party-mutating", "webhooks[0].clientConfig.caBundle"),
            ("mutatingwebhookconfiguration", "third-party-mutating", "webhooks[1].clientConfig.caBundle"),
            ("customresourcedefinition", "gadgets.third-party.example.com", "spec.conversion.webhook.clientConfig.caBundle"),
        })
        {
            await env.EventuallyAsync(
                async () => string.Join(",", Thumbprints(await BundleAsync(resource, name, field))),
                actual => actual == expected, Timeout, $"{resource}/{name} {field} holding {cas.Length} CA(s)");
        }
    }

    /// <summary>Once the caBundle holds the CA, the injector writes nothing more: no update storm.</summary>
    private async Task NoFurtherWritesAsync(string resource, string name)
    {
        var before = (await env.GetJsonAsync(resource, name))["metadata"]!["resourceVersion"]!.GetValue<string>();
        await Task.Delay(TimeSpan.FromSeconds(2));
        (await env.GetJsonAsync(resource, name))["metadata"]!["resourceVersion"]!.GetValue<string>().Should().Be(before);
    }

    private async Task<byte[]> BundleAsync(string resource, string name, string field)
    {
        var value = await env.KubectlAsync("get", resource, name, "-o", $"jsonpath={{.{field}}}");
        return Convert.FromBase64String(value.Trim());
    }

    private async Task<string> CaOfSecretAsync(string secret) =>
        await CaOfSecretOrNullAsync(secret) ?? throw new InvalidOperationException($"Secret {secret} has no ca.crt");

    private async Task<string?> CaOfSecretOrNullAsync(string secret)
    {
        var result = await Testing.ExternalCommand.RunAsync("kubectl", ["--kubeconfig", env.Kubeconfig, "get", "secret", secret, "-n", Ns, "-o", "jsonpath={.data.ca\\.crt}"]);
        return result.ExitCode == 0 && result.StdOut.Trim().Length > 0 ? Encoding.ASCII.GetString(Convert.FromBase64String(result.StdOut.Trim())) : null;
    }

    private async Task EventAsync(string kind, string name, string reason, string messagePart)
    {
        var kindName = kind switch
        {
            "validatingwebhookconfiguration" => "ValidatingWebhookConfiguration",
            "apiservice" => "APIService",
            _ => "MutatingWebhookConfiguration",
        };
        await env.EventuallyAsync(
            async () => JsonNode.Parse(await env.KubectlAsync("get", "events", "-n", "default", "--field-selector", $"involvedObject.name={name},involvedObject.kind={kindName},reason={reason}", "-o", "json"))!["items"]!.AsArray()
                .Select(e => $"{e!["type"]} {e["message"]}").ToList(),
            events => events.Any(e => e.StartsWith("Warning ", StringComparison.Ordinal) && e.Contains(messagePart, StringComparison.Ordinal)),
            Timeout, $"Warning {reason} event on {kind}/{name}");
    }

    /// <summary>The CA in the operator's kubeconfig: what inject-apiserver-ca must inject.</summary>
    private byte[] ApiServerCa()
    {
        var kubeconfig = File.ReadAllText(env.ControlPlane.OperatorKubeconfig);
        var data = CaDataPattern().Match(kubeconfig).Groups[1].Value;
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(Encoding.ASCII.GetString(Convert.FromBase64String(data)));
        return Encoding.ASCII.GetBytes(string.Concat(certificates.Select(c => c.ExportCertificatePem() + "\n")));
    }

    private static string SelfSignedCaPem(string name)
    {
        using var key = System.Security.Cryptography.ECDsa.Create();
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest($"CN={name}", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(30));
        return certificate.ExportCertificatePem() + "\n";
    }

    private static IEnumerable<string> Thumbprints(byte[] bundle)
    {
        var certificates = new X509Certificate2Collection();
        if (bundle.Length > 0)
        {
            certificates.ImportFromPem(Encoding.ASCII.GetString(bundle));
        }

        return certificates.Select(c => c.Thumbprint);
    }

    private static string Thumbprint(string pem) => X509Certificate2.CreateFromPem(pem).Thumbprint;

    [GeneratedRegex(@"certificate-authority-data:\s*(\S+)")]
    private static partial Regex CaDataPattern();
}
