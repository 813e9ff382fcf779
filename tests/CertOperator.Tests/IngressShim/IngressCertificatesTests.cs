using CertOperator.IngressShim;

namespace CertOperator.Tests.IngressShim;

public sealed class IngressCertificatesTests
{
    private static readonly IngressShimDefaults NoDefaults = new();

    public static TheoryData<string, Dictionary<string, string>, string?, string?, string?> Issuers => new()
    {
        { "issuer", new() { ["cert-manager.io/issuer"] = "ca" }, "ca", "Issuer", "cert-manager.io" },
        { "cluster issuer", new() { ["cert-manager.io/cluster-issuer"] = "pebble" }, "pebble", "ClusterIssuer", "cert-manager.io" },
        {
            "external issuer kind and group",
            new() { ["cert-manager.io/issuer"] = "vault", ["cert-manager.io/issuer-kind"] = "VaultIssuer", ["cert-manager.io/issuer-group"] = "vault.example.com" },
            "vault", "VaultIssuer", "vault.example.com"
        },
        { "legacy issuer", new() { ["certmanager.k8s.io/issuer"] = "old" }, "old", "Issuer", "cert-manager.io" },
        { "legacy cluster issuer", new() { ["certmanager.k8s.io/cluster-issuer"] = "old" }, "old", "ClusterIssuer", "cert-manager.io" },
        { "issuer annotation wins over tls-acme", new() { ["cert-manager.io/issuer"] = "ca", ["kubernetes.io/tls-acme"] = "true" }, "ca", "Issuer", "cert-manager.io" },
        { "no annotation is unmanaged", new(), null, null, null },
        { "tls-acme false is unmanaged", new() { ["kubernetes.io/tls-acme"] = "false" }, null, null, null },
        { "empty issuer is unmanaged", new() { ["cert-manager.io/issuer"] = "" }, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Issuers))]
    public void Picks_the_issuer_from_annotations(string name, Dictionary<string, string> annotations, string? issuer, string? kind, string? group)
    {
        var (certificates, errors) = IngressCertificates.Desired(IngressGen.Ingress(annotations, ("web-tls", ["web.example.test"])), NoDefaults);

        errors.Should().BeEmpty(name);
        if (issuer is null)
        {
            certificates.Should().BeEmpty(name);
            return;
        }

        certificates.Should().ContainSingle(name);
        certificates[0].Spec.IssuerRef.Name.Should().Be(issuer, name);
        certificates[0].Spec.IssuerRef.Kind.Should().Be(kind, name);
        certificates[0].Spec.IssuerRef.Group.Should().Be(group, name);
    }

    [Fact]
    public void Tls_acme_uses_the_configured_default_issuer()
    {
        var ingress = IngressGen.Ingress(new() { ["kubernetes.io/tls-acme"] = "true" }, ("web-tls", ["web.example.test"]));

        var (certificates, errors) = IngressCertificates.Desired(ingress, new IngressShimDefaults("letsencrypt", "ClusterIssuer"));

        errors.Should().BeEmpty();
        certificates.Single().Spec.IssuerRef.Should().BeEquivalentTo(new { Name = "letsencrypt", Kind = "ClusterIssuer", Group = "cert-manager.io" });
    }

    [Fact]
    public void Builds_one_certificate_per_secret_owned_by_the_ingress()
    {
        var ingress = IngressGen.Ingress(new() { ["cert-manager.io/issuer"] = "ca" },
            ("a-tls", ["a.example.test"]), ("b-tls", ["b.example.test", "www.b.example.test"]));

        var (certificates, errors) = IngressCertificates.Desired(ingress, NoDefaults);

        errors.Should().BeEmpty();
        certificates.Select(c => (c.Metadata.Name, c.Metadata.Namespace, c.Spec.SecretName, string.Join(",", c.Spec.DnsNames!)))
            .Should().Equal(("a-tls", "prod", "a-tls", "a.example.test"), ("b-tls", "prod", "b-tls", "b.example.test,www.b.example.test"));
        certificates.Should().AllSatisfy(c => c.Metadata.OwnerReferences.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "Ingress",
            Name = "web",
            Uid = "uid-web",
            Controller = true,
            BlockOwnerDeletion = true,
        }));
        certificates.Should().AllSatisfy(c => c.Metadata.Annotations.Should().BeNull());
    }

    [Fact]
    public void Merges_tls_entries_that_share_a_secret()
    {
        var ingress = IngressGen.Ingress(new() { ["cert-manager.io/issuer"] = "ca" },
            ("web-tls", ["a.example.test"]), ("web-tls", ["b.example.test", "a.example.test"]));

        var (certificates, _) = IngressCertificates.Desired(ingress, NoDefaults);

        certificates.Single().Spec.DnsNames.Should().Equal("a.example.test", "b.example.test");
    }

    public static TheoryData<string, Dictionary<string, string>, Dictionary<string, string>?> CertificateAnnotations => new()
    {
        {
            "edit in place names the ingress and asks for a temporary certificate",
            new() { ["acme.cert-manager.io/http01-edit-in-place"] = "true" },
            new() { ["acme.cert-manager.io/http01-override-ingress-name"] = "web", ["cert-manager.io/issue-temporary-certificate"] = "true" }
        },
        { "edit in place false does nothing", new() { ["acme.cert-manager.io/http01-edit-in-place"] = "false" }, null },
        {
            "ingress class",
            new() { ["acme.cert-manager.io/http01-ingress-class"] = "internal" },
            new() { ["acme.cert-manager.io/http01-override-ingress-class"] = "internal" }
        },
        {
            "ingress class name",
            new() { ["acme.cert-manager.io/http01-ingress-ingressclassname"] = "nginx" },
            new() { ["acme.cert-manager.io/http01-override-ingress-ingressclassname"] = "nginx" }
        },
    };

    [Theory]
    [MemberData(nameof(CertificateAnnotations))]
    public void Passes_http01_overrides_to_the_certificate(string name, Dictionary<string, string> annotations, Dictionary<string, string>? expected)
    {
        var (certificates, errors) = IngressCertificates.Desired(IngressGen.ClusterIssued(annotations), NoDefaults);

        errors.Should().BeEmpty(name);
        certificates.Single().Metadata.Annotations.Should().BeEquivalentTo(expected, name);
    }

    public static TheoryData<string, Dictionary<string, string>, (string? SecretName, string[]? Hosts)[], string> Invalid => new()
    {
        { "tls-acme without a default issuer", new() { ["kubernetes.io/tls-acme"] = "true" }, [("web-tls", ["a.example.test"])], "--default-issuer-name" },
        {
            "issuer and cluster issuer together",
            new() { ["cert-manager.io/issuer"] = "a", ["cert-manager.io/cluster-issuer"] = "b" },
            [("web-tls", ["a.example.test"])], "are both set"
        },
        { "tls entry without a secret", new() { ["cert-manager.io/issuer"] = "ca" }, [(null, ["a.example.test"])], "spec.tls[0]: secretName must be set" },
        { "tls entry without hosts", new() { ["cert-manager.io/issuer"] = "ca" }, [("web-tls", [])], "hosts must list at least one" },
        { "tls entry with null hosts", new() { ["cert-manager.io/issuer"] = "ca" }, [("web-tls", null)], "hosts must list at least one" },
        {
            "a bad option blocks every certificate",
            new() { ["cert-manager.io/issuer"] = "ca", ["cert-manager.io/private-key-size"] = "abc" },
            [("a-tls", ["a.example.test"]), ("b-tls", ["b.example.test"])], "cert-manager.io/private-key-size"
        },
        {
            "RSA key size the certificate would reject",
            new() { ["cert-manager.io/issuer"] = "ca", ["cert-manager.io/private-key-size"] = "1234" },
            [("web-tls", ["a.example.test"])], "cert-manager.io/private-key-*: Certificate \"web-tls\" would be invalid"
        },
        {
            "duration below the minimum",
            new() { ["cert-manager.io/issuer"] = "ca", ["cert-manager.io/duration"] = "30m" },
            [("web-tls", ["a.example.test"])], "cert-manager.io/duration: Certificate \"web-tls\" would be invalid: spec.duration: certificate duration must be greater than 1h0m0s (is 30m0s)"
        },
        {
            "renew before not shorter than duration",
            new() { ["cert-manager.io/issuer"] = "ca", ["cert-manager.io/duration"] = "2h", ["cert-manager.io/renew-before"] = "3h" },
            [("web-tls", ["a.example.test"])], "cert-manager.io/renew-before: Certificate \"web-tls\" would be invalid"
        },
        {
            "common name too long",
            new() { ["cert-manager.io/issuer"] = "ca", ["cert-manager.io/common-name"] = new string('a', 65) },
            [("web-tls", ["a.example.test"])], "cert-manager.io/common-name: Certificate \"web-tls\" would be invalid: spec.commonName: may not be more than 64 bytes"
        },
        {
            "host with a wildcard in the middle",
            new() { ["cert-manager.io/issuer"] = "ca" },
            [("web-tls", ["a.example.test", "www.*.example.test"])], "spec.tls[0].hosts[1]: \"www.*.example.test\": '*' is allowed only as the whole leftmost label"
        },
        {
            "Unicode host",
            new() { ["cert-manager.io/issuer"] = "ca" },
            [("web-tls", ["a.example.test"]), ("shop-tls", ["bücher.example"])], "spec.tls[1].hosts[0]: \"bücher.example\" contains non-ASCII characters"
        },
        {
            "secretName that cannot name a Secret",
            new() { ["cert-manager.io/issuer"] = "ca" },
            [("Web_TLS", ["a.example.test"])], "spec.tls[0].secretName: \"Web_TLS\" cannot name a Secret and Certificate"
        },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Reports_bad_configuration_and_builds_nothing(string name, Dictionary<string, string> annotations, (string? SecretName, string[]? Hosts)[] tls, string expected)
    {
        var (certificates, errors) = IngressCertificates.Desired(IngressGen.Ingress(annotations, tls), NoDefaults);

        certificates.Should().BeEmpty(name);
        errors.Should().ContainSingle(name).Which.Should().Contain(expected, name);
    }
}
