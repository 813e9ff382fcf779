using CertOperator.Kubernetes.Model;
using static CertOperator.Tests.IngressShim.ShimGen;

namespace CertOperator.Tests.IngressShim;

/// <summary>
/// cert-manager v1.21.1 pkg/controller/certificate-shim/sync_test.go, TestSync "ingress-shim" table: the rows
/// that create Certificates or refuse the Ingress. Each key is the cert-manager case name it reproduces.
/// </summary>
internal static class CertManagerSyncRowsCreate
{
    private static readonly Dictionary<string, string> Labelled = new() { ["my-test-label"] = "should be copied" };

    public static Dictionary<string, SyncRow<Ingress>> Rows => new()
    {
        ["return a single Certificate for an ingress with a single valid TLS entry and common-name annotation"] =
            new(Example(ClusterIssuer().With("cert-manager.io/common-name", "my-cn"), Labelled), Defaults())
            {
                Create = [Cert(labels: Labelled, spec: s => s.CommonName = "my-cn")],
            },
        ["return a single Certificate for an ingress with dnsNames and ipv4 addresses"] =
            new(Ingress(ClusterIssuer().With("cert-manager.io/common-name", "my-cn"), [Tls("example-com-tls", "example.com", "www.example.com", "10.112.234.34", "1.1.1.1")], Labelled), Defaults())
            {
                Create = [Cert(dns: ["example.com", "www.example.com"], ips: ["10.112.234.34", "1.1.1.1"], labels: Labelled, spec: s => s.CommonName = "my-cn")],
            },
        ["return a single Certificate for an ingress with dnsNames and ipv6 addresses"] =
            new(Ingress(ClusterIssuer().With("cert-manager.io/common-name", "my-cn"), [Tls("example-com-tls", "example.com", "www.example.com", "2a00:1450:4009:819::aaaa", "2a00:1450:4009:819::eeee")], Labelled), Defaults())
            {
                Create = [Cert(dns: ["example.com", "www.example.com"], ips: ["2a00:1450:4009:819::aaaa", "2a00:1450:4009:819::eeee"], labels: Labelled, spec: s => s.CommonName = "my-cn")],
            },
        ["return a single Certificate for an ingress with dnsNames and ipv4 and ipv6 addresses"] =
            new(Ingress(ClusterIssuer().With("cert-manager.io/common-name", "my-cn"), [Tls("example-com-tls", "example.com", "www.example.com", "1.1.1.1", "2a00:1450:4009:819::eeee")], Labelled), Defaults())
            {
                Create = [Cert(dns: ["example.com", "www.example.com"], ips: ["1.1.1.1", "2a00:1450:4009:819::eeee"], labels: Labelled, spec: s => s.CommonName = "my-cn")],
            },
        ["return a single Certificate for an ingress with dnsNames and ipv4 and ipv6 addresses from ip-sans annotation"] =
            new(Example(ClusterIssuer().With("cert-manager.io/common-name", "my-cn").With("cert-manager.io/ip-sans", "1.1.1.1,2a00:1450:4009:819::eeee"), Labelled), Defaults())
            {
                Create = [Cert(dns: ["example.com", "www.example.com"], ips: ["1.1.1.1", "2a00:1450:4009:819::eeee"], labels: Labelled, spec: s => s.CommonName = "my-cn")],
            },
        ["return a single Certificate for an ingress with dnsNames and empty alt-names annotation and ipv4 and ipv6 addresses"] =
            new(Ingress(ClusterIssuer().With("cert-manager.io/common-name", "my-cn").With("cert-manager.io/alt-names", ""), [Tls("example-com-tls", "example.com", "www.example.com", "1.1.1.1", "2a00:1450:4009:819::eeee")], Labelled), Defaults())
            {
                Create = [Cert(dns: ["example.com", "www.example.com"], ips: ["1.1.1.1", "2a00:1450:4009:819::eeee"], labels: Labelled, spec: s => s.CommonName = "my-cn")],
            },
        ["return a single Certificate for an ingress with dnsNames and altNames from annotation and ipv4 and ipv6 addresses"] =
            new(Ingress(ClusterIssuer().With("cert-manager.io/common-name", "my-cn").With("cert-manager.io/alt-names", "foo.alt.example.com,bar.alt.example.com"), [Tls("example-com-tls", "example.com", "www.example.com", "1.1.1.1", "2a00:1450:4009:819::eeee")], Labelled), Defaults())
            {
                Create = [Cert(dns: ["example.com", "www.example.com", "foo.alt.example.com", "bar.alt.example.com"], ips: ["1.1.1.1", "2a00:1450:4009:819::eeee"], labels: Labelled, spec: s => s.CommonName = "my-cn")],
            },
        ["return a single HTTP01 Certificate for an ingress with a single valid TLS entry and HTTP01 annotations using edit-in-place"] =
            new(Example(ClusterIssuer().With("acme.cert-manager.io/http01-edit-in-place", "true"), Labelled), Defaults())
            {
                Create = [Cert(labels: Labelled, annotations: EditInPlace)],
            },
        ["create a Certificate with the HTTP01 name override if the given ingress uses http01 annotations"] =
            new(Example(ClusterIssuer().With("acme.cert-manager.io/http01-edit-in-place", "true"), Labelled), Defaults())
            {
                Create = [Cert(labels: Labelled, annotations: EditInPlace)],
            },
        ["return a single HTTP01 Certificate for an ingress with a single valid TLS entry and HTTP01 annotations with no ingress class set"] =
            new(Example(ClusterIssuer()), Defaults()) { Create = [Cert()] },
        ["return a single HTTP01 Certificate for an ingress with a single valid TLS entry and HTTP01 annotations with a custom ingress class"] =
            new(Example(ClusterIssuer().With("kubernetes.io/ingress.class", "nginx-ing")), Defaults()) { Create = [Cert()] },
        ["return a single HTTP01 Certificate for an ingress with a single valid TLS entry and HTTP01 annotations with a certificate ingress class"] =
            new(Example(ClusterIssuer().With("acme.cert-manager.io/http01-ingress-class", "cert-ing").With("kubernetes.io/ingress.class", "nginx-ing")), Defaults())
            {
                Create = [Cert(annotations: new() { ["acme.cert-manager.io/http01-override-ingress-class"] = "cert-ing" })],
            },
        ["return a single HTTP01 Certificate for an ingress with a single valid TLS entry and HTTP01 annotations with a certificate ingressClassName"] =
            new(Example(ClusterIssuer().With("acme.cert-manager.io/http01-ingress-ingressclassname", "cert-ing-class-name")), Defaults())
            {
                Create = [Cert(annotations: new() { ["acme.cert-manager.io/http01-override-ingress-ingressclassname"] = "cert-ing-class-name" })],
            },
        ["return a single HTTP01 Certificate for an ingress with a single valid TLS entry and valid secret template annotation"] =
            new(Example(ClusterIssuer().With("cert-manager.io/secret-template", """{ "annotations": { "example-annotation" : "dummy-value" }, "labels": { "example-label" : "dummy-value" } }""")), Defaults())
            {
                Create =
                [
                    Cert(spec: s => s.SecretTemplate = new()
                    {
                        Annotations = new() { ["example-annotation"] = "dummy-value" },
                        Labels = new() { ["example-label"] = "dummy-value" },
                    }),
                ],
            },

        // cert-manager returns an error (and retries); we report it once as an event and change nothing.
        ["secret template annotation should not allow cert-manager.io/ annotations"] =
            new(Example(ClusterIssuer().With("cert-manager.io/secret-template", """{ "annotations": { "cert-manager.io/disallowed-annotation" : "dummy-value" } }""")), Defaults())
            {
                Blocked = true,
                Warnings = ["cert-manager.io/secret-template: annotation \"cert-manager.io/disallowed-annotation\" is refused"],
            },
        ["secret template annotation should not allow unknown fields"] =
            new(Example(ClusterIssuer().With("cert-manager.io/secret-template", """{ "unknown-field": "true" }""")), Defaults())
            {
                Blocked = true,
                Warnings = ["cert-manager.io/secret-template: unknown field \"unknown-field\""],
            },
        ["edit-in-place set to false should not trigger editing the ingress in-place"] =
            new(Example(ClusterIssuer().With("kubernetes.io/ingress.class", "nginx-ing").With("acme.cert-manager.io/http01-edit-in-place", "false")), Defaults())
            {
                Create = [Cert()],
            },
        ["return a single DNS01 Certificate for an ingress with a single valid TLS entry"] =
            new(Example(ClusterIssuer()), Defaults()) { Create = [Cert()] },
        ["should return a basic certificate when no provider specific config is provided"] =
            new(Example(new() { ["kubernetes.io/tls-acme"] = "true" }), Defaults("issuer-name", "ClusterIssuer", "cert-manager.io"))
            {
                Create = [Cert(group: "cert-manager.io")],
            },
        ["should skip an invalid TLS entry (no TLS hosts specified)"] =
            new(Ingress(Issuer(), [Tls("example-com-tls-invalid"), Tls("example-com-tls", "example.com", "www.example.com")]), Defaults())
            {
                Warnings = ["Skipped a TLS block: spec.tls[0].hosts: Required value"],
                Create = [Cert(kind: "Issuer")],
            },
        ["should skip an invalid TLS entry (no TLS secret name specified)"] =
            new(Ingress(Issuer(), [Tls(null, "example.com"), Tls("example-com-tls", "example.com", "www.example.com")]), Defaults())
            {
                Warnings = ["Skipped a TLS block: spec.tls[0].secretName: Required value"],
                Create = [Cert(kind: "Issuer")],
            },
        ["should error if the specified issuer is not found"] =
            new(Ingress(Issuer("invalid-issuer-name")), Defaults()),
        ["if an ingress contains multiple tls entries that specify the same secretName, an error should be logged and no action taken"] =
            new(Ingress(Issuer().With("cert-manager.io/issuer-kind", "Issuer").With("cert-manager.io/issuer-group", "cert-manager.io"),
                [Tls("example-com-tls", "example.com"), Tls("example-com-tls", "notexample.com")]), Defaults())
            {
                Blocked = true,
                Warnings = ["spec.tls[0].secretName: Invalid value: \"example-com-tls\": this secret name must only appear in a single TLS entry but is also used in spec.tls[1].secretName"],
            },

        // cert-manager stops at the first bad annotation with an error; we name every one in events.
        ["Failure to translateIngressAnnotations"] =
            new(Ingress(
                Issuer().With("cert-manager.io/issuer-kind", "Issuer").With("cert-manager.io/issuer-group", "cert-manager.io")
                    .With("cert-manager.io/renew-before", "invalid renew before value")
                    .With("cert-manager.io/revision-history-limit", "invalid revision history limit value")
                    .With("cert-manager.io/private-key-algorithm", "invalid private key algorithm value")
                    .With("cert-manager.io/private-key-encoding", "invalid private key encoding value")
                    .With("cert-manager.io/private-key-size", "invalid private key size value")
                    .With("cert-manager.io/private-key-rotation-policy", "invalid private key rotation policy value"),
                [Tls("example-com-tls", "example.com")]), Defaults())
            {
                Blocked = true,
                Warnings =
                [
                    "cert-manager.io/renew-before", "cert-manager.io/revision-history-limit", "cert-manager.io/private-key-algorithm",
                    "cert-manager.io/private-key-encoding", "cert-manager.io/private-key-rotation-policy", "cert-manager.io/private-key-size",
                ],
            },
        ["return a single Certificate for an ingress with a single valid TLS entry with common-name and keyusage annotation"] =
            new(Example(ClusterIssuer().With("cert-manager.io/common-name", "my-cn").With("cert-manager.io/usages", "signing,digital signature,content commitment"), Labelled), Defaults())
            {
                Create = [Cert(labels: Labelled, usages: ["signing", "digital signature", "content commitment"], spec: s => s.CommonName = "my-cn")],
            },
        ["return a single Certificate for an ingress with a single valid TLS entry with common-name and subject street addresses annotation"] =
            new(Example(ClusterIssuer().With("cert-manager.io/common-name", "my-cn").With("cert-manager.io/subject-streetaddresses", "\"1725 Slough Avenue, Suite 200, Scranton Business Park\""), Labelled), Defaults())
            {
                Create =
                [
                    Cert(labels: Labelled, spec: s =>
                    {
                        s.CommonName = "my-cn";
                        s.Subject = new() { StreetAddresses = ["1725 Slough Avenue, Suite 200, Scranton Business Park"] };
                    }),
                ],
            },
        ["should not trigger an ingress sync if deleted in foreground"] =
            new(Deleting(Ingress(new() { ["cert-manager.io/issuer"] = "" }, name: "")), Defaults("issuer-name", "ClusterIssuer", "cert-manager.io")),
        ["should not propagate the applyset label"] =
            new(Example(ClusterIssuer().With("cert-manager.io/common-name", "my-cn"), new(Labelled) { ["applyset.kubernetes.io/part-of"] = "should not be propagated" }), Defaults())
            {
                Create = [Cert(labels: Labelled, spec: s => s.CommonName = "my-cn")],
            },
        ["extra Ingress annotation is copied to Certificate object"] =
            new(Example(ClusterIssuer().With("cert-manager.io/common-name", "my-cn").With("venafi.cert-manager.io/custom-fields", "foo").With("venafi.cert-manager.io/do-not-copy", "bar"), []), Defaults())
            {
                Create = [Cert(annotations: new() { ["venafi.cert-manager.io/custom-fields"] = "foo" }, spec: s => s.CommonName = "my-cn")],
            },
    };

    private static Dictionary<string, string> EditInPlace => new()
    {
        ["acme.cert-manager.io/http01-override-ingress-name"] = "ingress-name",
        ["cert-manager.io/issue-temporary-certificate"] = "true",
    };

    private static Kubernetes.Model.Ingress Deleting(Kubernetes.Model.Ingress ingress)
    {
        ingress.Metadata.DeletionTimestamp = DateTime.UnixEpoch;
        ingress.Metadata.Finalizers = ["foregroundDeletion"];
        return ingress;
    }
}
