using System.Text.Json.Nodes;

namespace CertOperator.Tests.EndToEnd;

/// <summary>cert-manager's gateway-shim (--enable-gateway-api): annotated Gateways get Certificates for their TLS listeners.</summary>
public abstract class GatewayShimTests<TEnvironment>(TEnvironment cluster) : IClassFixture<TEnvironment>
    where TEnvironment : OperatorEnvironment
{
    private const string Ns = "gw-shim";

    protected TEnvironment Cluster => cluster;

    [Fact]
    public async Task An_annotated_gateway_gets_a_ready_certificate_for_its_listener_and_loses_it_with_the_annotation()
    {
        await cluster.ApplyAsync(Manifests.Namespace(Ns));
        await cluster.ApplyAsync(Manifests.SelfSignedClusterIssuer("gw-selfsigned"));
        await cluster.ApplyAsync(GatewayManifests.Gateway("gw-a", Ns, "cert-manager.io/cluster-issuer: gw-selfsigned", ("gw-a.example.test", "gw-a-tls")));

        await CertificateNamesEventuallyAsync(names => names.Contains("certificate.cert-manager.io/gw-a-tls", StringComparison.Ordinal), "the Certificate to be created");
        await cluster.WaitForConditionAsync("certificate", "gw-a-tls", Ns, timeoutSeconds: 90);

        var certificate = await cluster.GetJsonAsync("certificate", "gw-a-tls", Ns);
        Strings(certificate["spec"]!["dnsNames"]).Should().Equal("gw-a.example.test");
        var owner = certificate["metadata"]!["ownerReferences"]![0]!;
        (owner["kind"]!.GetValue<string>(), owner["name"]!.GetValue<string>(), owner["controller"]!.GetValue<bool>()).Should().Be(("Gateway", "gw-a", true));
        certificate["metadata"]!["annotations"]!["acme.cert-manager.io/http01-parentrefname"]!.GetValue<string>().Should().Be("gw-a");
        using var secret = IssuedSecret.From(await cluster.GetJsonAsync("secret", "gw-a-tls", Ns));
        secret.DnsNames.Should().BeEquivalentTo("gw-a.example.test");

        await cluster.KubectlAsync("annotate", "gateway", "gw-a", "-n", Ns, "cert-manager.io/cluster-issuer-");

        await CertificateNamesEventuallyAsync(names => !names.Contains("gw-a-tls", StringComparison.Ordinal), "the Certificate to be deleted");
    }

    [Fact]
    public async Task A_listener_without_a_hostname_is_a_warning_event_naming_the_field()
    {
        await cluster.ApplyAsync(Manifests.Namespace(Ns));
        await cluster.ApplyAsync(GatewayManifests.Gateway("gw-b", Ns, "cert-manager.io/cluster-issuer: gw-selfsigned", (null, "gw-b-tls")));

        await cluster.EventuallyAsync(
            () => cluster.KubectlAsync("get", "events", "-n", Ns, "--field-selector", "involvedObject.name=gw-b", "-o", "jsonpath={.items[*].message}"),
            messages => messages.Contains("spec.listeners[1].hostname: Required value", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "a BadConfig event naming the listener's hostname");
        (await cluster.KubectlAsync("get", "certificates", "-n", Ns, "-o", "name")).Should().NotContain("gw-b-tls");
    }

    private Task<string> CertificateNamesEventuallyAsync(Func<string, bool> done, string what) =>
        cluster.EventuallyAsync(() => cluster.KubectlAsync("get", "certificates", "-n", Ns, "-o", "name"), done, TimeSpan.FromSeconds(60), what);

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());
}

/// <summary>The gateway-shim on the test API server.</summary>
public sealed class TestApiServerGatewayShimTests(GatewayApiEnvironment cluster) : GatewayShimTests<GatewayApiEnvironment>(cluster);

/// <summary>
/// The gateway-shim on a real kube-apiserver 1.24 with the Gateway API CRDs, the operator running as the certoperator
/// ServiceAccount: its log must hold no 403 Forbidden, proving config/rbac's gateway.networking.k8s.io rules suffice.
/// </summary>
public sealed class KubeApiServerGatewayShimTests(RealGatewayApiEnvironment cluster) : GatewayShimTests<RealGatewayApiEnvironment>(cluster), IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Cluster.ForbiddenLogLines().Should().BeEmpty("config/rbac must grant the certoperator ServiceAccount what the gateway-shim does");
        return Task.CompletedTask;
    }
}
