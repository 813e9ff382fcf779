namespace CertOperator.Tests.EndToEnd;

/// <summary>cert-manager's ingress-shim: annotated Ingresses get Certificates issued by pebble over HTTP-01.</summary>
public sealed class IngressShimTests(AcmeEnvironment env) : IClassFixture<AcmeEnvironment>
{
    private const string Ns = "shim";

    private static readonly Dictionary<string, string> Pebble = new() { ["cert-manager.io/cluster-issuer"] = "pebble" };

    private OperatorEnvironment Cluster => env.Cluster;

    [Fact]
    public async Task Annotating_an_ingress_issues_a_ready_certificate_and_secret()
    {
        await Cluster.ApplyAsync(Manifests.Namespace(Ns));
        await Cluster.ApplyAsync(Ingress("shim-a", null, ("shim-a-tls", ["shim-a.example.test"])));

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
        await Cluster.ApplyAsync(Ingress("shim-b", Pebble, ("shim-b-tls", ["shim-b.example.test"])));
        await WaitForCertificateAsync("shim-b-tls");

        await Cluster.ApplyAsync(Ingress("shim-b", Pebble, ("shim-b-tls", ["shim-b.example.test", "www.shim-b.example.test"])));

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
        await Cluster.ApplyAsync(Ingress("shim-c", Pebble, ("shim-c-tls", ["shim-c.example.test"])));
        await CertificateNamesEventuallyAsync(names => names.Contains("certificate.cert-manager.io/shim-c-tls", StringComparison.Ordinal), "the Certificate to be created");

        await Cluster.KubectlAsync("annotate", "ingress", "shim-c", "-n", Ns, "cert-manager.io/cluster-issuer-");

        await CertificateNamesEventuallyAsync(names => !names.Contains("shim-c-tls", StringComparison.Ordinal), "the Certificate to be deleted");
    }

    [Fact]
    public async Task Two_hosts_with_a_secret_each_get_two_certificates()
    {
        await Cluster.ApplyAsync(Manifests.Namespace(Ns));

        await Cluster.ApplyAsync(Ingress("shim-d", Pebble, ("shim-d1-tls", ["shim-d1.example.test"]), ("shim-d2-tls", ["shim-d2.example.test"])));

        await WaitForCertificateAsync("shim-d1-tls");
        await WaitForCertificateAsync("shim-d2-tls");
        using var first = IssuedSecret.From(await Cluster.GetJsonAsync("secret", "shim-d1-tls", Ns));
        using var second = IssuedSecret.From(await Cluster.GetJsonAsync("secret", "shim-d2-tls", Ns));
        first.DnsNames.Should().BeEquivalentTo("shim-d1.example.test");
        second.DnsNames.Should().BeEquivalentTo("shim-d2.example.test");
    }

    [Fact]
    public async Task Tls_acme_without_a_default_issuer_is_a_warning_event()
    {
        await Cluster.ApplyAsync(Manifests.Namespace(Ns));

        await Cluster.ApplyAsync(Ingress("shim-e", new() { ["kubernetes.io/tls-acme"] = "true" }, ("shim-e-tls", ["shim-e.example.test"])));

        await EventMessagesEventuallyAsync("shim-e", "--default-issuer-name");
        (await Cluster.KubectlAsync("get", "certificates", "-n", Ns, "-o", "name")).Should().NotContain("shim-e-tls");
    }

    [Fact]
    public async Task An_invalid_annotation_is_a_warning_event_and_no_certificate()
    {
        await Cluster.ApplyAsync(Manifests.Namespace(Ns));

        await Cluster.ApplyAsync(Ingress("shim-f", new(Pebble) { ["cert-manager.io/private-key-size"] = "abc" }, ("shim-f-tls", ["shim-f.example.test"])));

        await EventMessagesEventuallyAsync("shim-f", "cert-manager.io/private-key-size: \"abc\" is not valid");
        (await Cluster.KubectlAsync("get", "certificates", "-n", Ns, "-o", "name")).Should().NotContain("shim-f-tls");
    }

    [Fact]
    public async Task A_certificate_the_ingress_does_not_control_is_left_alone()
    {
        await Cluster.ApplyAsync(Manifests.Namespace(Ns));
        await Cluster.ApplyAsync(Manifests.Certificate("shim-g-tls", Ns, "ClusterIssuer", "pebble", ["shim-g.example.test"]));

        await Cluster.ApplyAsync(Ingress("shim-g", Pebble, ("shim-g-tls", ["other.shim-g.example.test"])));

        await EventMessagesEventuallyAsync("shim-g", "\"shim-g-tls\" already exists and is not controlled by this Ingress");
        var certificate = await Cluster.GetJsonAsync("certificate", "shim-g-tls", Ns);
        certificate["spec"]!["dnsNames"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("shim-g.example.test");
        certificate["metadata"]!["ownerReferences"].Should().BeNull();
    }

    [Fact]
    public async Task An_invalid_tls_entry_is_skipped_with_a_warning_and_the_other_gets_its_certificate()
    {
        await Cluster.ApplyAsync(Manifests.Namespace(Ns));

        await Cluster.ApplyAsync(Ingress("shim-h", Pebble, ("shim-h-tls", ["shim-h.example.test"]), ("shim-h-bad-tls", [])));

        await CertificateNamesEventuallyAsync(names => names.Contains("certificate.cert-manager.io/shim-h-tls", StringComparison.Ordinal), "the valid entry's Certificate to be created");
        await EventMessagesEventuallyAsync("shim-h", "Skipped a TLS block: spec.tls[1].hosts: Required value");
        var spec = (await Cluster.GetJsonAsync("certificate", "shim-h-tls", Ns))["spec"]!;
        spec["dnsNames"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("shim-h.example.test");
        spec["usages"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("digital signature", "key encipherment");
        (await Cluster.KubectlAsync("get", "certificates", "-n", Ns, "-o", "name")).Should().NotContain("shim-h-bad-tls");
    }

    /// <summary>cert-manager's ingresses/controller_test rows: an 'Updated' or 'Deleted' child Certificate re-queues its Ingress.</summary>
    [Fact]
    public async Task A_changed_or_deleted_certificate_is_restored_from_the_ingress()
    {
        await Cluster.ApplyAsync(Manifests.Namespace(Ns));
        await Cluster.ApplyAsync(Ingress("shim-i", Pebble, ("shim-i-tls", ["shim-i.example.test"])));
        await CertificateNamesEventuallyAsync(names => names.Contains("certificate.cert-manager.io/shim-i-tls", StringComparison.Ordinal), "the Certificate to be created");

        await Cluster.KubectlAsync("patch", "certificate", "shim-i-tls", "-n", Ns, "--type", "merge", "-p", "{\"spec\":{\"dnsNames\":[\"other.example.test\"]}}");
        await Cluster.EventuallyAsync(
            async () => (await Cluster.GetJsonAsync("certificate", "shim-i-tls", Ns))["spec"]!["dnsNames"]!.ToJsonString(),
            names => names == "[\"shim-i.example.test\"]", TimeSpan.FromSeconds(30), "the edited Certificate to be set back to the Ingress's hosts");

        var uid = await Cluster.KubectlAsync("get", "certificate", "shim-i-tls", "-n", Ns, "-o", "jsonpath={.metadata.uid}");
        await Cluster.KubectlAsync("delete", "certificate", "shim-i-tls", "-n", Ns);
        await Cluster.EventuallyAsync(
            () => Cluster.KubectlAsync("get", "certificates", "-n", Ns, "-o", "jsonpath={range .items[?(@.metadata.name==\"shim-i-tls\")]}{.metadata.uid}{end}"),
            newUid => newUid.Length > 0 && newUid != uid, TimeSpan.FromSeconds(30), "the deleted Certificate to be created again");
    }

    private Task<string> EventMessagesEventuallyAsync(string ingress, string expected) =>
        Cluster.EventuallyAsync(
            () => Cluster.KubectlAsync("get", "events", "-n", Ns, "-o", $"jsonpath={{range .items[?(@.involvedObject.name==\"{ingress}\")]}}{{.type}} {{.message}}{{\"\\n\"}}{{end}}"),
            messages => messages.Split('\n').Any(m => m.StartsWith("Warning ", StringComparison.Ordinal) && m.Contains(expected, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), $"a Warning event on Ingress {ingress} saying {expected}");

    private async Task WaitForCertificateAsync(string name)
    {
        await CertificateNamesEventuallyAsync(names => names.Contains($"certificate.cert-manager.io/{name}", StringComparison.Ordinal), $"Certificate {name} to be created");
        await Cluster.WaitForConditionAsync("certificate", name, Ns, timeoutSeconds: 90);
    }

    private Task<string> CertificateNamesEventuallyAsync(Func<string, bool> done, string what) =>
        Cluster.EventuallyAsync(() => Cluster.KubectlAsync("get", "certificates", "-n", Ns, "-o", "name"), done, TimeSpan.FromSeconds(30), what);

    private static string Ingress(string name, Dictionary<string, string>? annotations, params (string Secret, string[] Hosts)[] tls) => $"""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: {name}
          namespace: {Ns}
        {(annotations is null ? "" : "  annotations:\n" + string.Join("\n", annotations.Select(a => $"    {a.Key}: \"{a.Value}\"")))}
        spec:
          tls:
        {string.Join("\n", tls.Select(t => $"  - secretName: {t.Secret}\n    hosts: [{string.Join(", ", t.Hosts)}]"))}
          rules:
        {string.Join("\n", tls.SelectMany(t => t.Hosts).Select(h => $"  - host: {h}\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: web\n            port:\n              number: 80"))}
        """;
}

/// <summary>An operator run with --default-issuer-name/--default-issuer-kind serves `kubernetes.io/tls-acme` Ingresses.</summary>
public sealed class IngressShimDefaultIssuerTests(IngressShimDefaultIssuerTests.Environment env) : IClassFixture<IngressShimDefaultIssuerTests.Environment>
{
    [Fact]
    public async Task Tls_acme_uses_the_default_issuer_and_the_tuning_annotations()
    {
        await env.Cluster.ApplyAsync("""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: acme
              namespace: default
              annotations:
                kubernetes.io/tls-acme: "true"
                cert-manager.io/private-key-algorithm: ECDSA
                cert-manager.io/duration: 720h
            spec:
              tls:
              - secretName: acme-tls
                hosts: [acme.example.test]
            """);

        await env.Cluster.EventuallyAsync(() => env.Cluster.KubectlAsync("get", "certificates", "-o", "name"),
            names => names.Contains("acme-tls", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the Certificate to be created");
        await env.Cluster.WaitForConditionAsync("certificate", "acme-tls");
        var spec = (await env.Cluster.GetJsonAsync("certificate", "acme-tls"))["spec"]!;
        (spec["issuerRef"]!["name"]!.GetValue<string>(), spec["issuerRef"]!["kind"]!.GetValue<string>()).Should().Be(("shim-default", "ClusterIssuer"));
        (spec["privateKey"]!["algorithm"]!.GetValue<string>(), spec["duration"]!.GetValue<string>()).Should().Be(("ECDSA", "720h0m0s"));
        using var secret = IssuedSecret.From(await env.Cluster.GetJsonAsync("secret", "acme-tls"));
        secret.DnsNames.Should().BeEquivalentTo("acme.example.test");
    }

    [Fact]
    public async Task Auto_and_extra_certificate_annotations_come_from_the_flags()
    {
        await env.Cluster.ApplyAsync("""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: auto
              namespace: default
              annotations:
                example.com/auto-tls: "true"
                example.com/team: blue
                example.com/other: not-copied
            spec:
              tls:
              - secretName: auto-tls
                hosts: [auto.example.test]
            """);

        await env.Cluster.EventuallyAsync(() => env.Cluster.KubectlAsync("get", "certificates", "-o", "name"),
            names => names.Contains("auto-tls", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the Certificate to be created");
        var certificate = await env.Cluster.GetJsonAsync("certificate", "auto-tls");
        certificate["spec"]!["issuerRef"]!["name"]!.GetValue<string>().Should().Be("shim-default");
        var annotations = certificate["metadata"]!["annotations"]!.AsObject();
        annotations["example.com/team"]!.GetValue<string>().Should().Be("blue");
        annotations.ContainsKey("example.com/other").Should().BeFalse();
    }

    /// <summary>The operator with a SelfSigned ClusterIssuer as its default issuer.</summary>
    public sealed class Environment : IAsyncLifetime
    {
        public OperatorEnvironment Cluster { get; } = new()
        {
            ExtraOperatorArgs =
            [
                "--default-issuer-name", "shim-default", "--default-issuer-kind", "ClusterIssuer",
                "--auto-certificate-annotations", "kubernetes.io/tls-acme,example.com/auto-tls",
                "--extra-certificate-annotations", "example.com/team",
            ],
        };

        public async Task InitializeAsync()
        {
            await Cluster.InitializeAsync();
            await Cluster.ApplyAsync(Manifests.SelfSignedClusterIssuer("shim-default"));
        }

        public Task DisposeAsync() => Cluster.DisposeAsync();
    }
}
