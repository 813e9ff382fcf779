namespace CertOperator.Tests.EndToEnd;

/// <summary>cert-manager's ingress-shim: annotated Ingresses get Certificates issued by pebble over HTTP-01.</summary>
public sealed class IngressShimTests(AcmeEnvironment env) : IClassFixture<AcmeEnvironment>
{
    private const string Ns = "shim";

    private OperatorEnvironment Cluster => env.Cluster;

    [Fact]
    public async Task Annotating_an_ingress_issues_a_ready_certificate_and_secret()
    {
        await Cluster.ApplyAsync(Manifests.Namespace(Ns));
        await Cluster.ApplyAsync(Ingress("shim-a", annotated: false, ("shim-a-tls", ["shim-a.example.test"])));

        await Cluster.KubectlAsync("annotate", "ingress", "shim-a", "-n", Ns, "cert-manager.io/cluster-issuer=pebble");

        await WaitForCertificateAsync("shim-a-tls");
        var certificate = await Cluster.GetJsonAsync("certificate", "shim-a-tls", Ns);
        certificate["spec"]!["issuerRef"]!["kind"]!.GetValue<string>().Should().Be("ClusterIssuer");
        var owner = certificate["metadata"]!["ownerReferences"]![0]!;
        (owner["kind"]!.GetValue<string>(), owner["name"]!.GetValue<string>(), owner["controller"]!.GetValue<bool>()).Should().Be(("Ingress", "shim-a", true));
        using var secret = IssuedSecret.From(await Cluster.GetJsonAsync("secret", "shim-a-tls", Ns));
        secret.DnsNames.Should().BeEquivalentTo("shim-a.example.test");
        var (ok, problems) = await env.ChainsToPebbleRootAsync(secret);
        ok.Should().BeTrue(problems);
    }

    [Fact]
    public async Task Changing_the_hosts_updates_the_certificate()
    {
        await Cluster.ApplyAsync(Manifests.Namespace(Ns));
        await Cluster.ApplyAsync(Ingress("shim-b", annotated: true, ("shim-b-tls", ["shim-b.example.test"])));
        await WaitForCertificateAsync("shim-b-tls");

        await Cluster.ApplyAsync(Ingress("shim-b", annotated: true, ("shim-b-tls", ["shim-b.example.test", "www.shim-b.example.test"])));

        await Cluster.EventuallyAsync(
            async () =>
            {
                using var secret = IssuedSecret.From(await Cluster.GetJsonAsync("secret", "shim-b-tls", Ns));
                return string.Join(",", secret.DnsNames.Order(StringComparer.Ordinal));
            },
            names => names == "shim-b.example.test,www.shim-b.example.test", TimeSpan.FromSeconds(90), "the Secret to hold a certificate for both hosts");
        await Cluster.WaitForConditionAsync("certificate", "shim-b-tls", Ns, timeoutSeconds: 90);
    }

    [Fact]
    public async Task Removing_the_annotation_deletes_the_certificate()
    {
        await Cluster.ApplyAsync(Manifests.Namespace(Ns));
        await Cluster.ApplyAsync(Ingress("shim-c", annotated: true, ("shim-c-tls", ["shim-c.example.test"])));
        await CertificateNamesEventuallyAsync(names => names.Contains("certificate.cert-manager.io/shim-c-tls", StringComparison.Ordinal), "the Certificate to be created");

        await Cluster.KubectlAsync("annotate", "ingress", "shim-c", "-n", Ns, "cert-manager.io/cluster-issuer-");

        await CertificateNamesEventuallyAsync(names => !names.Contains("shim-c-tls", StringComparison.Ordinal), "the Certificate to be deleted");
    }

    [Fact]
    public async Task Two_hosts_with_a_secret_each_get_two_certificates()
    {
        await Cluster.ApplyAsync(Manifests.Namespace(Ns));

        await Cluster.ApplyAsync(Ingress("shim-d", annotated: true, ("shim-d1-tls", ["shim-d1.example.test"]), ("shim-d2-tls", ["shim-d2.example.test"])));

        await WaitForCertificateAsync("shim-d1-tls");
        await WaitForCertificateAsync("shim-d2-tls");
        using var first = IssuedSecret.From(await Cluster.GetJsonAsync("secret", "shim-d1-tls", Ns));
        using var second = IssuedSecret.From(await Cluster.GetJsonAsync("secret", "shim-d2-tls", Ns));
        first.DnsNames.Should().BeEquivalentTo("shim-d1.example.test");
        second.DnsNames.Should().BeEquivalentTo("shim-d2.example.test");
    }

    private async Task WaitForCertificateAsync(string name)
    {
        await CertificateNamesEventuallyAsync(names => names.Contains($"certificate.cert-manager.io/{name}", StringComparison.Ordinal), $"Certificate {name} to be created");
        await Cluster.WaitForConditionAsync("certificate", name, Ns, timeoutSeconds: 90);
    }

    private Task<string> CertificateNamesEventuallyAsync(Func<string, bool> done, string what) =>
        Cluster.EventuallyAsync(() => Cluster.KubectlAsync("get", "certificates", "-n", Ns, "-o", "name"), done, TimeSpan.FromSeconds(30), what);

    private static string Ingress(string name, bool annotated, params (string Secret, string[] Hosts)[] tls) => $"""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: {name}
          namespace: {Ns}
        {(annotated ? "  annotations:\n    cert-manager.io/cluster-issuer: pebble" : "")}
        spec:
          tls:
        {string.Join("\n", tls.Select(t => $"  - secretName: {t.Secret}\n    hosts: [{string.Join(", ", t.Hosts)}]"))}
          rules:
        {string.Join("\n", tls.SelectMany(t => t.Hosts).Select(h => $"  - host: {h}\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: web\n            port:\n              number: 80"))}
        """;
}
