using System.Text.Json.Nodes;

namespace CertOperator.Crds.Tests.Generation;

/// <summary>
/// The generated CRDs are structural (the API server rejects them otherwise), explainable, and
/// present themselves to kubectl the way the issue asks.
/// </summary>
public sealed class CrdStructureTests
{
    private static readonly string[] KindNames = ["Certificate", "CertificateRequest", "Issuer", "ClusterIssuer", "Order", "Challenge"];

    public static TheoryData<string> Kinds() => new(KindNames);

    [Fact]
    public void There_is_one_crd_per_kind()
    {
        GeneratedCrds.All.Keys.Should().BeEquivalentTo(KindNames);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_schema_node_has_a_type_or_preserves_unknown_fields(string kind)
    {
        foreach (var (path, node) in GeneratedCrds.Walk(GeneratedCrds.Schema(kind)))
        {
            var preserves = node["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
            var intOrString = node["x-kubernetes-int-or-string"]?.GetValue<bool>() == true;
            (node["type"] is not null || preserves || intOrString).Should().BeTrue($"{kind} {path} needs a type");
            var type = (string?)node["type"];
            if (type == "array")
            {
                node["items"].Should().NotBeNull($"{kind} {path} is an array and needs items");
            }

            if (node["required"] is JsonArray required)
            {
                node["properties"]!.AsObject().Select(p => p.Key).Should()
                    .Contain(required.Select(r => (string)r!), $"{kind} {path} requires only fields it declares");
            }

            if (node["enum"] is not null)
            {
                type.Should().Be("string", $"{kind} {path} has enum values");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_spec_and_status_field_is_described_for_kubectl_explain(string kind)
    {
        var undescribed = GeneratedCrds.Walk(GeneratedCrds.Schema(kind))
            .Where(n => n.Path.Length > 0 && !n.Path.EndsWith("[]", StringComparison.Ordinal) && !n.Path.EndsWith("{}", StringComparison.Ordinal))
            .Where(n => n.Path != ".metadata" && n.Node["description"] is null)
            .Select(n => n.Path);

        undescribed.Should().BeEmpty();
        GeneratedCrds.Schema(kind)["description"].Should().NotBeNull();
    }

    [Fact]
    public void Unknown_fields_are_preserved_only_for_webhook_config()
    {
        var expected = new Dictionary<string, IEnumerable<string>>
        {
            ["Issuer"] = [".spec.acme.solvers[].dns01.webhook.config"],
            ["ClusterIssuer"] = [".spec.acme.solvers[].dns01.webhook.config"],
            ["Challenge"] = [".spec.solver.dns01.webhook.config"],
        };

        foreach (var (kind, crd) in GeneratedCrds.All)
        {
            var preserved = GeneratedCrds.Walk(GeneratedCrds.Schema(kind))
                .Where(n => n.Node["x-kubernetes-preserve-unknown-fields"] is not null)
                .Select(n => n.Path);
            preserved.Should().BeEquivalentTo(expected.GetValueOrDefault(kind, []), kind);
        }

        GeneratedCrds.Schema("Issuer")["properties"]!["spec"]!["properties"]!["acme"]!["properties"]!["solvers"]!["items"]!
            ["properties"]!["dns01"]!["properties"]!["webhook"]!["properties"]!["config"]!["type"].Should().BeNull("webhook config may be any JSON value");
    }

    [Theory]
    [InlineData("Certificate", "cert-manager.io", "certificates", "Namespaced", new[] { "cert", "certs" })]
    [InlineData("CertificateRequest", "cert-manager.io", "certificaterequests", "Namespaced", new[] { "cr", "crs" })]
    [InlineData("Issuer", "cert-manager.io", "issuers", "Namespaced", new[] { "iss" })]
    [InlineData("ClusterIssuer", "cert-manager.io", "clusterissuers", "Cluster", new[] { "ciss" })]
    [InlineData("Order", "acme.cert-manager.io", "orders", "Namespaced", new string[0])]
    [InlineData("Challenge", "acme.cert-manager.io", "challenges", "Namespaced", new string[0])]
    public void Names_scope_and_status_subresource(string kind, string group, string plural, string scope, string[] shortNames)
    {
        var crd = GeneratedCrds.Get(kind);
        var names = crd["spec"]!["names"]!;

        ((string?)crd["apiVersion"]).Should().Be("apiextensions.k8s.io/v1");
        ((string?)crd["metadata"]!["name"]).Should().Be($"{plural}.{group}");
        ((string?)crd["spec"]!["group"]).Should().Be(group);
        ((string?)crd["spec"]!["scope"]).Should().Be(scope);
        ((string?)names["plural"]).Should().Be(plural);
        ((string?)names["singular"]).Should().Be(kind.ToLowerInvariant());
        ((string?)names["listKind"]).Should().Be(kind + "List");
        (names["shortNames"]?.AsArray().Select(n => (string)n!) ?? []).Should().Equal(shortNames);
        names["categories"]!.AsArray().Select(n => (string)n!).Should().Contain("cert-manager");
        var version = GeneratedCrds.Version(kind);
        ((string?)version["name"]).Should().Be("v1");
        ((bool?)version["served"]).Should().BeTrue();
        ((bool?)version["storage"]).Should().BeTrue();
        version["subresources"]!["status"]!.AsObject().Should().BeEmpty();
    }

    [Theory]
    [InlineData("Certificate", "Ready:string:0:.status.conditions[?(@.type==\"Ready\")].status", "Secret:string:0:.spec.secretName", "Issuer:string:1:.spec.issuerRef.name", "Status:string:1:.status.conditions[?(@.type==\"Ready\")].message", "Expiration:string:0:.status.notAfter", "Age:date:0:.metadata.creationTimestamp")]
    [InlineData("Issuer", "Ready:string:0:.status.conditions[?(@.type==\"Ready\")].status", "Status:string:1:.status.conditions[?(@.type==\"Ready\")].message", "Age:date:0:.metadata.creationTimestamp")]
    [InlineData("ClusterIssuer", "Ready:string:0:.status.conditions[?(@.type==\"Ready\")].status", "Status:string:1:.status.conditions[?(@.type==\"Ready\")].message", "Age:date:0:.metadata.creationTimestamp")]
    [InlineData("CertificateRequest", "Approved:string:0:.status.conditions[?(@.type==\"Approved\")].status", "Denied:string:0:.status.conditions[?(@.type==\"Denied\")].status", "Ready:string:0:.status.conditions[?(@.type==\"Ready\")].status", "Issuer:string:0:.spec.issuerRef.name", "Requester:string:0:.spec.username", "Status:string:1:.status.conditions[?(@.type==\"Ready\")].message", "Age:date:0:.metadata.creationTimestamp")]
    [InlineData("Order", "State:string:0:.status.state", "Issuer:string:1:.spec.issuerRef.name", "Reason:string:1:.status.reason", "Age:date:0:.metadata.creationTimestamp")]
    [InlineData("Challenge", "State:string:0:.status.state", "Domain:string:0:.spec.dnsName", "Reason:string:1:.status.reason", "Age:date:0:.metadata.creationTimestamp")]
    public void Printer_columns_are_exactly_as_listed(string kind, params string[] columns)
    {
        var actual = GeneratedCrds.Version(kind)["additionalPrinterColumns"]!.AsArray()
            .Select(c => $"{c!["name"]}:{c["type"]}:{(long?)c["priority"] ?? 0}:{c["jsonPath"]}");

        actual.Should().Equal(columns);
    }

    [Theory]
    [InlineData("Certificate", ".spec.privateKey.algorithm", "RSA,ECDSA,Ed25519")]
    [InlineData("Certificate", ".spec.privateKey.encoding", "PKCS1,PKCS8")]
    [InlineData("Certificate", ".spec.privateKey.rotationPolicy", "Never,Always")]
    [InlineData("Certificate", ".spec.additionalOutputFormats[].type", "DER,CombinedPEM")]
    [InlineData("Certificate", ".spec.keystores.pkcs12.profile", "LegacyRC2,LegacyDES,Modern2023,Modern2026")]
    [InlineData("Certificate", ".status.conditions[].status", "True,False,Unknown")]
    [InlineData("Issuer", ".spec.acme.solvers[].dns01.cnameStrategy", "None,Follow")]
    [InlineData("Issuer", ".spec.acme.solvers[].dns01.rfc2136.protocol", "TCP,UDP")]
    [InlineData("Issuer", ".spec.acme.externalAccountBinding.keyAlgorithm", "HS256,HS384,HS512")]
    [InlineData("Order", ".status.state", "valid,ready,pending,processing,invalid,expired,errored")]
    [InlineData("Challenge", ".spec.type", "HTTP-01,DNS-01")]
    public void Enum_fields_list_cert_managers_values(string kind, string path, string values)
    {
        var node = GeneratedCrds.Walk(GeneratedCrds.Schema(kind)).Single(n => n.Path == path).Node;

        node["enum"]!.AsArray().Select(v => (string)v!).Should().Equal(values.Split(','));
    }

    [Fact]
    public void Usages_enumerate_every_key_usage_on_the_items()
    {
        var items = GeneratedCrds.Walk(GeneratedCrds.Schema("Certificate")).Single(n => n.Path == ".spec.usages[]").Node;

        items["enum"]!.AsArray().Select(v => (string)v!).Should()
            .HaveCount(23).And.Contain(["digital signature", "key encipherment", "server auth", "client auth", "s/mime", "netscape sgc"]);
    }

    [Theory]
    [InlineData("Challenge", "", "metadata,spec")]
    [InlineData("Certificate", ".spec", "secretName,issuerRef")]
    [InlineData("Certificate", ".spec.issuerRef", "name")]
    [InlineData("CertificateRequest", ".spec", "issuerRef,request")]
    [InlineData("Issuer", ".spec.acme", "server,privateKeySecretRef")]
    [InlineData("Issuer", ".spec.ca", "secretName")]
    [InlineData("Challenge", ".spec", "url,authorizationURL,dnsName,type,token,key,solver,issuerRef")]
    [InlineData("Order", ".spec", "request,issuerRef")]
    public void Required_fields_match_cert_manager(string kind, string path, string required)
    {
        var node = GeneratedCrds.Walk(GeneratedCrds.Schema(kind)).Single(n => n.Path == path).Node;

        node["required"]!.AsArray().Select(v => (string)v!).Should().Equal(required.Split(','));
    }

    [Fact]
    public void Issuer_ref_group_is_not_defaulted_as_in_cert_manager()
    {
        var group = GeneratedCrds.Walk(GeneratedCrds.Schema("Certificate")).Single(n => n.Path == ".spec.issuerRef.group").Node;

        group["default"].Should().BeNull("cert-manager leaves it empty, so a GitOps diff never shows a field the user did not write");
    }

    [Theory]
    [InlineData("Issuer", ".spec.acme.caBundle")]
    [InlineData("ClusterIssuer", ".spec.acme.caBundle")]
    [InlineData("CertificateRequest", ".spec.request")]
    [InlineData("CertificateRequest", ".status.certificate")]
    [InlineData("CertificateRequest", ".status.ca")]
    [InlineData("Order", ".spec.request")]
    [InlineData("Order", ".status.certificate")]
    public void Base64_fields_have_format_byte_as_in_cert_manager(string kind, string path)
    {
        var node = GeneratedCrds.Walk(GeneratedCrds.Schema(kind)).Single(n => n.Path == path).Node;

        ((string?)node["format"]).Should().Be("byte");
    }

    [Fact]
    public void Conditions_merge_by_type_under_server_side_apply()
    {
        foreach (var kind in new[] { "Certificate", "CertificateRequest", "Issuer", "ClusterIssuer" })
        {
            var conditions = GeneratedCrds.Walk(GeneratedCrds.Schema(kind)).Single(n => n.Path == ".status.conditions").Node;
            ((string?)conditions["x-kubernetes-list-type"]).Should().Be("map", kind);
            conditions["x-kubernetes-list-map-keys"]!.AsArray().Select(k => (string)k!).Should().Equal(["type"], kind);
        }
    }
}
