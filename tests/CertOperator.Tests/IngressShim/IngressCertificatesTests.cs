using k8s.Models;
using CertOperator.IngressShim;
using static CertOperator.Tests.IngressShim.ShimGen;

namespace CertOperator.Tests.IngressShim;

/// <summary>Our own cases for the Certificates an Ingress asks for and how existing ones are kept, beyond cert-manager's table.</summary>
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
        { "legacy issuer, which cert-manager no longer reads", new() { ["certmanager.k8s.io/issuer"] = "old" }, "old", "Issuer", "cert-manager.io" },
        { "legacy cluster issuer", new() { ["certmanager.k8s.io/cluster-issuer"] = "old" }, "old", "ClusterIssuer", "cert-manager.io" },
        { "tls-acme as Go's ParseBool reads it", new() { ["kubernetes.io/tls-acme"] = "True" }, null, null, null },
        { "issuer annotation wins over tls-acme", new() { ["cert-manager.io/issuer"] = "ca", ["kubernetes.io/tls-acme"] = "true" }, "ca", "Issuer", "cert-manager.io" },
        { "no annotation is unmanaged", [], null, null, null },
        { "tls-acme false is unmanaged", new() { ["kubernetes.io/tls-acme"] = "false" }, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Issuers))]
    public void Picks_the_issuer_from_annotations(string name, Dictionary<string, string> annotations, string? issuer, string? kind, string? group)
    {
        var plan = IngressCertificates.Desired(Example(annotations), new IngressShimDefaults("acme", "ClusterIssuer"));

        if (issuer is null && plan.Managed)
        {
            plan.Certificates.Single().Spec.IssuerRef.Name.Should().Be("acme", name);
            return;
        }

        plan.Warnings.Should().BeEmpty(name);
        plan.Certificates.Select(c => (c.Spec.IssuerRef.Name, c.Spec.IssuerRef.Kind, c.Spec.IssuerRef.Group))
            .Should().Equal(issuer is null ? [] : [(issuer, kind, group)], name);
    }

    public static TheoryData<string, Dictionary<string, string>, string> Refused => new()
    {
        { "tls-acme without a default issuer", new() { ["kubernetes.io/tls-acme"] = "true" }, "--default-issuer-name" },
        { "empty issuer", new() { ["cert-manager.io/issuer"] = "" }, "no issuer name: set cert-manager.io/issuer" },
        { "issuer and cluster issuer", new() { ["cert-manager.io/issuer"] = "a", ["cert-manager.io/cluster-issuer"] = "b" }, "keep only one of them" },
        { "cluster issuer with a kind", new() { ["cert-manager.io/cluster-issuer"] = "b", ["cert-manager.io/issuer-kind"] = "X" }, "remove cert-manager.io/issuer-kind" },
        { "a bad option blocks every certificate", ClusterIssuer().With("cert-manager.io/private-key-size", "abc"), "cert-manager.io/private-key-size: \"abc\"" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Reports_ingress_wide_problems_and_changes_nothing(string name, Dictionary<string, string> annotations, string expected)
    {
        var ingress = Ingress(annotations, [Tls("a-tls", "a.example.test"), Tls("b-tls", "b.example.test")]);

        var plan = IngressCertificates.Desired(ingress, NoDefaults);

        plan.Blocked.Should().BeTrue(name);
        plan.Certificates.Should().BeEmpty(name);
        plan.Warnings.Should().ContainSingle(name).Which.Should().Contain(expected, name);
    }

    public static TheoryData<string, V1IngressTLS, string> BadEntries => new()
    {
        { "wildcard in the middle", Tls("bad-tls", "ok.example.test", "www.*.example.test"), "spec.tls[1].hosts[1]: \"www.*.example.test\": '*' is allowed only as the whole leftmost label" },
        { "Unicode host", Tls("bad-tls", "bücher.example"), "spec.tls[1].hosts[0]: \"bücher.example\" contains non-ASCII characters" },
        { "secretName that cannot name a Secret", Tls("Bad_TLS", "bad.example.test"), "spec.tls[1].secretName: \"Bad_TLS\" cannot name a Secret and Certificate" },
        { "no hosts", Tls("bad-tls"), "Skipped a TLS block: spec.tls[1].hosts: Required value" },
        { "neither hosts nor secretName", Tls(null), "spec.tls[1].hosts: Required value: list the host names the certificate should cover, spec.tls[1].secretName: Required value" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public void Skips_only_the_bad_tls_entry(string name, V1IngressTLS bad, string expected)
    {
        var ingress = Ingress(ClusterIssuer(), [Tls("good-tls", "good.example.test"), bad, Tls("other-tls", "other.example.test")]);

        var plan = IngressCertificates.Desired(ingress, NoDefaults);

        plan.Blocked.Should().BeFalse(name);
        plan.Certificates.Select(c => c.Metadata.Name).Should().Equal(["good-tls", "other-tls"], name);
        plan.Warnings.Should().ContainSingle(name).Which.Should().Contain(expected, name);
    }

    [Fact]
    public void An_annotation_that_makes_every_certificate_invalid_is_named()
    {
        var plan = IngressCertificates.Desired(Example(ClusterIssuer().With("cert-manager.io/duration", "30m")), NoDefaults);

        plan.Certificates.Should().BeEmpty();
        plan.Warnings.Should().ContainSingle().Which.Should().StartWith("cert-manager.io/duration: Certificate \"example-com-tls\" would be invalid: spec.duration");
    }

    [Fact]
    public void An_existing_certificate_with_the_default_usages_is_left_alone()
    {
        var desired = IngressCertificates.Desired(Example(ClusterIssuer()), Defaults()).Certificates.Single();

        IngressCertificateSync.Decide(Cert(), desired, "ingress-name").Action.Should().Be(IngressCertificateAction.UpToDate);
    }

    [Fact]
    public void Ingress_labels_are_kept_up_to_date_and_other_annotations_kept()
    {
        var existing = Cert(labels: new() { ["team"] = "a" }, annotations: new() { ["example.com/note"] = "keep", ["acme.cert-manager.io/http01-override-ingress-class"] = "old" });
        var desired = IngressCertificates.Desired(Example(ClusterIssuer(), new() { ["team"] = "b" }), Defaults()).Certificates.Single();

        var (action, write) = IngressCertificateSync.Decide(existing, desired, "ingress-name");

        action.Should().Be(IngressCertificateAction.Update);
        write!.Metadata.Labels.Should().Equal(new Dictionary<string, string> { ["team"] = "b" });
        write.Metadata.Annotations.Should().Equal(new Dictionary<string, string> { ["example.com/note"] = "keep" });
    }

    [Fact]
    public void A_skipped_entry_keeps_its_certificate()
    {
        var ingress = Ingress(ClusterIssuer(), [Tls("kept-tls")]);

        var plan = IngressCertificates.Desired(ingress, Defaults());

        IngressCertificateSync.Stale(ingress, plan.Managed, [Cert("kept-tls")]).Should().BeEmpty();
    }

    [Fact]
    public void Removing_the_issuer_annotation_releases_every_owned_certificate()
    {
        var ingress = Ingress([], [Tls("example-com-tls", "example.com")]);

        var plan = IngressCertificates.Desired(ingress, Defaults());

        plan.Managed.Should().BeFalse();
        IngressCertificateSync.Stale(ingress, plan.Managed, [Cert(), Cert("someone-elses", owner: "other")]).Select(c => c.Metadata.Name).Should().Equal("example-com-tls");
    }
}
