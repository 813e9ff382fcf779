using CertOperator.IngressShim;
using CertOperator.Kubernetes.Model;
using static CertOperator.Tests.IngressShim.ShimGen;
using k8s.Models;

namespace CertOperator.Tests.IngressShim;

/// <summary>
/// The smaller tables of cert-manager v1.21.1 sync_test.go, Ingress rows only: Test_hasShimAnnotation (6),
/// TestIssuerForIngress (6), TestExtractAnnotations (2), Test_findCertificatesToBeRemoved (3),
/// Test_isDeletedInForeground (8), Test_setIssuerSpecificConfig (6) and TestMergeAnnotations (5).
/// </summary>
public sealed class CertManagerSyncHelperTests
{
    public static TheoryData<string, Dictionary<string, string>?, bool> HasShimAnnotation => new()
    {
        { "Test_hasShimAnnotation ingress: issuer empty", new() { ["cert-manager.io/issuer"] = "" }, true },
        { "Test_hasShimAnnotation ingress: cluster-issuer empty", new() { ["cert-manager.io/cluster-issuer"] = "" }, true },
        { "Test_hasShimAnnotation ingress: tls-acme true", new() { ["kubernetes.io/tls-acme"] = "true" }, true },
        { "Test_hasShimAnnotation ingress: tls-acme false", new() { ["kubernetes.io/tls-acme"] = "false" }, false },
        { "Test_hasShimAnnotation ingress: tls-acme empty", new() { ["kubernetes.io/tls-acme"] = "" }, false },
        { "Test_hasShimAnnotation ingress: nil", null, false },
    };

    [Theory]
    [MemberData(nameof(HasShimAnnotation))]
    public void Test_hasShimAnnotation(string row, Dictionary<string, string>? annotations, bool managed)
    {
        IngressIssuer.IsManaged(annotations ?? [], new IngressShimDefaults()).Should().Be(managed, row);
    }

    public static TheoryData<string, Dictionary<string, string>?, (string? Name, string Kind, string Group), string?, string?, string?, string[]> IssuerForIngress => new()
    {
        { "TestIssuerForIngress row 1 (issuer and group)", new() { ["cert-manager.io/issuer"] = "issuer", ["cert-manager.io/issuer-group"] = "foo.bar" }, (null, "Issuer", ""), "issuer", "Issuer", "foo.bar", [] },
        { "TestIssuerForIngress row 2 (cluster issuer)", new() { ["cert-manager.io/cluster-issuer"] = "clusterissuer" }, (null, "", ""), "clusterissuer", "ClusterIssuer", null, [] },
        { "TestIssuerForIngress row 3 (tls-acme uses the defaults)", new() { ["kubernetes.io/tls-acme"] = "true" }, ("default-name", "ClusterIssuer", "cert-manager.io"), "default-name", "ClusterIssuer", "cert-manager.io", [] },
        { "TestIssuerForIngress row 4 (nothing to go on)", null, (null, "", ""), null, null, null, ["no issuer name"] },
        { "TestIssuerForIngress row 5 (tls-acme without a default)", new() { ["kubernetes.io/tls-acme"] = "true" }, (null, "", ""), null, null, null, ["no issuer name"] },
        {
            "TestIssuerForIngress row 6 (every conflict is named)",
            new() { ["cert-manager.io/cluster-issuer"] = "clusterissuer", ["cert-manager.io/issuer"] = "issuer", ["cert-manager.io/issuer-group"] = "group.io" },
            (null, "", ""), null, null, null,
            ["both cert-manager.io/issuer and cert-manager.io/cluster-issuer are set", "both cert-manager.io/cluster-issuer and cert-manager.io/issuer-group are set"]
        },
    };

    [Theory]
    [MemberData(nameof(IssuerForIngress))]
    public void TestIssuerForIngress(string row, Dictionary<string, string>? annotations, (string? Name, string Kind, string Group) defaults, string? name, string? kind, string? group, string[] errors)
    {
        var (issuer, error) = IngressIssuer.Resolve(annotations ?? [], new IngressShimDefaults(defaults.Name, defaults.Kind, defaults.Group));

        (issuer?.Name, issuer?.Kind, issuer?.Group).Should().Be((name, kind, group), row);
        if (errors.Length == 0)
        {
            error.Should().BeNull(row);
        }
        else
        {
            error.Should().ContainAll(errors);
        }
    }

    public static TheoryData<string, Dictionary<string, string>, Dictionary<string, string>?> ExtractAnnotations => new()
    {
        { "TestExtractAnnotations row 1 (only the configured key)", new() { ["key1"] = "value1", ["key2"] = "value2" }, new() { ["key1"] = "value1" } },
        { "TestExtractAnnotations row 2 (nothing to copy)", [], null },
    };

    [Theory]
    [MemberData(nameof(ExtractAnnotations))]
    public void TestExtractAnnotations(string row, Dictionary<string, string> annotations, Dictionary<string, string>? expected)
    {
        var defaults = new IngressShimDefaults() { ExtraCertificateAnnotations = ["key1"] };

        var plan = IngressCertificates.Desired(Example(new(ClusterIssuer().Concat(annotations).ToDictionary())), defaults);

        plan.Certificates.Single().Metadata.Annotations.Should().BeEquivalentTo(expected, row);
    }

    /// <summary>cert-manager's rows give these Certificates a Gateway owner with the Ingress's UID (it compares UIDs only); ours are owned as Ingress Certificates are.</summary>
    public static TheoryData<string, string, V1IngressTLS[]?, string[]> FindCertificatesToBeRemoved => new()
    {
        { "should not remove Certificate when not owned by the Ingress", "ingress-2", [Tls("secret-name")], [] },
        { "should not remove Certificate when Ingress references the secretName of the Certificate", "ingress-1", [Tls("secret-name")], [] },
        { "should remove Certificate when Ingress does not reference the secretName of the Certificate", "ingress-1", null, ["cert-1"] },
    };

    [Theory]
    [MemberData(nameof(FindCertificatesToBeRemoved))]
    public void Test_findCertificatesToBeRemoved(string row, string ingressName, V1IngressTLS[]? tls, string[] removed)
    {
        var certificate = Cert("cert-1", owner: "ingress-1");
        certificate.Spec.SecretName = "secret-name";

        var stale = IngressCertificateSync.Stale(Ingress(ClusterIssuer(), tls, name: ingressName), managed: true, [certificate]);

        stale.Select(c => c.Metadata.Name).Should().Equal(removed, row);
    }

    public static TheoryData<bool, string[]?, bool> IsDeletedInForeground => new()
    {
        { false, null, false },
        { false, [], false },
        { false, ["cert-lock"], false },
        { true, ["cert-lock"], true },
        { true, null, true },
        { true, [], true },
        { false, ["foregroundDeletion"], true },
        { true, ["cert-lock", "foregroundDeletion"], true },
    };

    [Theory]
    [MemberData(nameof(IsDeletedInForeground))]
    public void Test_isDeletedInForeground(bool deletionTimestamp, string[]? finalizers, bool skip)
    {
        var metadata = new V1ObjectMeta { DeletionTimestamp = deletionTimestamp ? DateTime.UnixEpoch : null, Finalizers = finalizers?.ToList() };

        IngressIssuer.IsBeingDeleted(metadata).Should().Be(skip);
    }

    public static TheoryData<string, Dictionary<string, string>, Dictionary<string, string>?> SetIssuerSpecificConfig => new()
    {
        {
            "should set ingressClassName override annotation",
            new() { ["acme.cert-manager.io/http01-ingress-ingressclassname"] = "cert-ing-class-name" },
            new() { ["acme.cert-manager.io/http01-override-ingress-ingressclassname"] = "cert-ing-class-name" }
        },
        {
            "should set ingress class override annotation",
            new() { ["acme.cert-manager.io/http01-ingress-class"] = "cert-ing" },
            new() { ["acme.cert-manager.io/http01-override-ingress-class"] = "cert-ing" }
        },
        { "should not set annotation when ingressClassName value is empty", new() { ["acme.cert-manager.io/http01-ingress-ingressclassname"] = "" }, null },
        { "should not set annotation when ingress class value is empty", new() { ["acme.cert-manager.io/http01-ingress-class"] = "" }, null },
        {
            "should set edit-in-place annotations",
            new() { ["acme.cert-manager.io/http01-edit-in-place"] = "true" },
            new() { ["acme.cert-manager.io/http01-override-ingress-name"] = "test-ingress", ["cert-manager.io/issue-temporary-certificate"] = "true" }
        },
        { "should handle nil annotations", [], null },
    };

    [Theory]
    [MemberData(nameof(SetIssuerSpecificConfig))]
    public void Test_setIssuerSpecificConfig(string row, Dictionary<string, string> annotations, Dictionary<string, string>? expected)
    {
        var ingress = Ingress(new(ClusterIssuer().Concat(annotations).ToDictionary()), [Tls("test-cert", "example.com")], name: "test-ingress");

        var plan = IngressCertificates.Desired(ingress, new IngressShimDefaults());

        plan.Certificates.Single().Metadata.Annotations.Should().BeEquivalentTo(expected, row);
    }

    public static TheoryData<string, Dictionary<string, string>, Dictionary<string, string>, Dictionary<string, string>?> MergeAnnotations => new()
    {
        { "No conflicts, simple merge", new() { ["env"] = "prod", ["team"] = "alpha" }, new() { ["version"] = "1.0.0" }, new() { ["env"] = "prod", ["team"] = "alpha", ["version"] = "1.0.0" } },
        { "Overwriting existing keys", new() { ["owner"] = "team-a" }, new() { ["owner"] = "team-b" }, new() { ["owner"] = "team-b" } },
        { "Merging empty maps", [], [], null },
        { "One empty map", new() { ["key1"] = "value1" }, [], new() { ["key1"] = "value1" } },
        { "Overlapping and new keys", new() { ["key1"] = "value1", ["key2"] = "value2" }, new() { ["key2"] = "new-value2", ["key3"] = "value3" }, new() { ["key1"] = "value1", ["key2"] = "new-value2", ["key3"] = "value3" } },
    };

    /// <summary>cert-manager merges the extra annotations into an updated Certificate's own; an empty result is written as no annotations.</summary>
    [Theory]
    [MemberData(nameof(MergeAnnotations))]
    public void TestMergeAnnotations(string row, Dictionary<string, string> existing, Dictionary<string, string> update, Dictionary<string, string>? expected)
    {
        var have = Cert(annotations: existing, spec: s => s.CommonName = "outdated");
        var want = Cert(annotations: update.Count > 0 ? update : null);

        var (action, write) = IngressCertificateSync.Decide(have, want, "ingress-name");

        action.Should().Be(IngressCertificateAction.Update, row);
        write!.Metadata.Annotations.Should().BeEquivalentTo(expected, row);
    }
}
