namespace CertOperator.Tests.EndToEnd;

/// <summary>
/// HTTP-01 through the Gateway API: an annotated Gateway's Certificate is issued by pebble through an ACME Issuer whose
/// solver is `gatewayHTTPRoute`; the stand-in controller serves a challenge only through an HTTPRoute attached to that
/// Gateway whose backend Service selects the solver Pod.
/// </summary>
public sealed class GatewayHttpRouteTests(GatewayAcmeEnvironment env) : IClassFixture<GatewayAcmeEnvironment>
{
    private const string Ns = "gw-acme";

    private OperatorEnvironment Cluster => env.Cluster;

    [Fact]
    public async Task Pebble_validates_through_the_httproute_and_the_solver_objects_are_gone_afterwards()
    {
        await Cluster.ApplyAsync(Manifests.Namespace(Ns));
        await Cluster.ApplyAsync(GatewayManifests.AcmeIssuer("gw-pebble", Ns, env.Pebble.Pebble.DirectoryUrl.ToString(), env.CaBundle()));
        await Cluster.WaitForConditionAsync("issuer", "gw-pebble", Ns);

        await Cluster.ApplyAsync(GatewayManifests.Gateway("gw-c", Ns, "cert-manager.io/issuer: gw-pebble", ("gw-c.example.test", "gw-c-tls")));

        await Cluster.EventuallyAsync(
            () => Cluster.KubectlAsync("get", "httproutes", "-n", Ns, "-o", "jsonpath={.items[*].spec.parentRefs[*].name} {.items[*].metadata.labels.solver}"),
            routes => routes.Contains("gw-c", StringComparison.Ordinal) && routes.Contains("gateway", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), "an HTTPRoute attached to the Gateway, with the solver config's labels");
        await Cluster.EventuallyAsync(
            () => Cluster.KubectlAsync("get", "certificates", "-n", Ns, "-o", "name"),
            names => names.Contains("certificate.cert-manager.io/gw-c-tls", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the Certificate to be created");
        await Cluster.WaitForConditionAsync("certificate", "gw-c-tls", Ns, timeoutSeconds: 120);
        using var secret = IssuedSecret.From(await Cluster.GetJsonAsync("secret", "gw-c-tls", Ns));
        secret.DnsNames.Should().BeEquivalentTo("gw-c.example.test");
        var (ok, problems) = await env.ChainsToPebbleRootAsync(secret);
        ok.Should().BeTrue(problems);

        await Cluster.EventuallyAsync(
            () => Cluster.KubectlAsync("get", "httproutes,pods,services", "-n", Ns, "-o", "name"),
            names => names.Trim().Length == 0, TimeSpan.FromSeconds(60), "the HTTPRoute, Pod and Service to be deleted");
    }
}
