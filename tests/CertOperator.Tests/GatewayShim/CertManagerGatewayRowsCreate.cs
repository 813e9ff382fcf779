using CertOperator.Kubernetes.Model;
using CertOperator.Tests.IngressShim;
using static CertOperator.Tests.GatewayShim.GatewayGen;

namespace CertOperator.Tests.GatewayShim;

/// <summary>
/// cert-manager v1.21.1 pkg/controller/certificate-shim/sync_test.go, TestSync "gateway-shim" table: the rows that
/// create Certificates, skip listeners or leave the Gateway alone. Each key is the cert-manager case name it reproduces.
/// </summary>
internal static class CertManagerGatewayRowsCreate
{
    private static readonly Dictionary<string, string> Labelled = new() { ["my-test-label"] = "should be copied" };

    private static readonly GatewayListener[] ExampleCom = [Https("example.com", "example-com-tls")];

    public static Dictionary<string, SyncRow<Gateway>> Rows => new()
    {
        ["return a single Certificate for a Gateway with a single valid TLS entry and common-name annotation (HTTPS)"] =
            new(Gateway(ClusterIssuer().With("cert-manager.io/common-name", "my-cn"), ExampleCom, Labelled), Defaults())
            {
                Create = [Cert(labels: Labelled, annotations: ParentRef(), spec: s => s.CommonName = "my-cn")],
            },
        ["return a single Certificate for a Gateway with a single valid TLS entry and common-name annotation (TLS)"] =
            new(Gateway(ClusterIssuer().With("cert-manager.io/common-name", "my-cn"), [Listener("example.com", ["example-com-tls"], protocol: "TLS")], Labelled), Defaults())
            {
                Create = [Cert(labels: Labelled, annotations: ParentRef(), spec: s => s.CommonName = "my-cn")],
            },
        ["return a single HTTP01 Certificate for a Gateway with a single valid TLS entry and HTTP01 annotations using edit-in-place"] =
            new(Gateway(ClusterIssuer().With("acme.cert-manager.io/http01-edit-in-place", "true"), ExampleCom, Labelled), Defaults())
            {
                Create = [Cert(labels: Labelled, annotations: EditInPlace)],
            },
        ["create a Certificate with the HTTP01 name override if the given Gateway uses http01 annotations"] =
            new(Gateway(ClusterIssuer().With("acme.cert-manager.io/http01-edit-in-place", "true"), ExampleCom, Labelled), Defaults())
            {
                Create = [Cert(labels: Labelled, annotations: EditInPlace)],
            },
        ["return a single HTTP01 Certificate for an Gateway with a single valid TLS entry and HTTP01 annotations with no gateway class set"] =
            new(Gateway(ClusterIssuer(), ExampleCom), Defaults()) { Create = [Cert(annotations: ParentRef())] },
        ["return a single HTTP01 Certificate for an Gateway with a single valid TLS entry and HTTP01 annotations with a custom gateway class"] =
            new(Gateway(ClusterIssuer().With("kubernetes.io/ingress.class", "nginx-ing"), ExampleCom), Defaults()) { Create = [Cert(annotations: ParentRef())] },
        ["return a single HTTP01 Certificate for an Gateway with a single valid TLS entry and HTTP01 annotations with a certificate Gateway class"] =
            new(Gateway(ClusterIssuer().With("acme.cert-manager.io/http01-ingress-class", "cert-ing").With("kubernetes.io/ingress.class", "nginx-ing"), ExampleCom), Defaults())
            {
                Create = [Cert(annotations: ParentRef().With("acme.cert-manager.io/http01-override-ingress-class", "cert-ing"))],
            },
        ["edit-in-place set to false should not trigger editing the Gateway in-place"] =
            new(Gateway(ClusterIssuer().With("kubernetes.io/ingress.class", "nginx-ing").With("acme.cert-manager.io/http01-edit-in-place", "false"), ExampleCom), Defaults())
            {
                Create = [Cert(annotations: ParentRef())],
            },
        ["return a single DNS01 Certificate for a Gateway with a single valid TLS entry"] =
            new(Gateway(ClusterIssuer(), ExampleCom), Defaults()) { Create = [Cert(annotations: ParentRef())] },
        ["kubernetes.io/tls-acme should not trigger a Gateway"] =
            new(Gateway(new() { ["kubernetes.io/tls-acme"] = "true" }, ExampleCom), Defaults("issuer-name", "ClusterIssuer", "cert-manager.io")),
        ["should skip an invalid TLS entry (no TLS hosts specified)"] =
            new(Gateway(Issuer(), [Https("example.com", "example-com-tls"), Https(null, "example-com-tls")]), Defaults())
            {
                Warnings = ["Skipped a listener block: spec.listeners[1].hostname: Required value: the hostname cannot be empty"],
                Create = [Cert(kind: "Issuer", annotations: ParentRef())],
            },
        ["should skip an invalid TLS entry (no TLS secret name specified)"] =
            new(Gateway(Issuer(), [Https("example.com"), Https("www.example.com", "example-com-tls")]), Defaults())
            {
                Warnings = ["Skipped a listener block: spec.listeners[0].tls.certificateRef: Required value: listener has no certificateRefs"],
                Create = [Cert(dns: ["www.example.com"], kind: "Issuer", annotations: ParentRef())],
            },
        ["should skip TLS protocol listener in TLS passthrough mode"] =
            new(Gateway(Issuer(), [Https("example.com", "example-com-tls"), Listener("subdomain.example.com", [], protocol: "TLS", mode: "Passthrough")]), Defaults())
            {
                Create = [Cert(kind: "Issuer", annotations: ParentRef())],
            },
        ["should error if the specified issuer is not found"] =
            new(Gateway(Issuer("invalid-issuer-name")), Defaults()),
        ["if a Gateway contains multiple listeners that specify the same secretName, it should create a single Certificate"] =
            new(Gateway(IssuerKindAndGroup(), [Https("example.com", "example-com-tls"), Https("www.example.com", "example-com-tls"), Https("foo.example.com", "example-com-tls")]), Defaults())
            {
                Create = [Cert(dns: ["example.com", "www.example.com", "foo.example.com"], kind: "Issuer", group: "cert-manager.io", annotations: ParentRef())],
            },
        ["if a Gateway contains two listeners with different Secret names, it should create two Certificates"] =
            new(Gateway(IssuerKindAndGroup(), [Https("foo.example.com", "foo-example-com-tls"), Https("bar.example.com", "bar-example-com-tls")]), Defaults())
            {
                Create =
                [
                    Cert("foo-example-com-tls", ["foo.example.com"], "Issuer", "cert-manager.io", annotations: ParentRef()),
                    Cert("bar-example-com-tls", ["bar.example.com"], "Issuer", "cert-manager.io", annotations: ParentRef()),
                ],
            },
        ["return a single Certificate for a Gateway with a single valid TLS entry with common-name and keyusage annotation"] =
            new(Gateway(ClusterIssuer().With("cert-manager.io/common-name", "my-cn").With("cert-manager.io/usages", "signing,digital signature,content commitment"), ExampleCom, Labelled), Defaults())
            {
                Create = [Cert(labels: Labelled, annotations: ParentRef(), usages: ["signing", "digital signature", "content commitment"], spec: s => s.CommonName = "my-cn")],
            },
        ["should not trigger a gateway sync if deleted in foreground"] =
            new(InForegroundDeletion(), Defaults("issuer-name", "ClusterIssuer", "cert-manager.io")),
        ["return a single Certificate for a Gateway with a single valid TLS entry and common-name annotation (HTTPS) (applyset label)"] =
            new(Gateway(ClusterIssuer().With("cert-manager.io/common-name", "my-cn"), ExampleCom, new(Labelled) { ["applyset.kubernetes.io/part-of"] = "should not be propagated" }), Defaults())
            {
                Create = [Cert(labels: Labelled, annotations: ParentRef(), spec: s => s.CommonName = "my-cn")],
            },
        ["extra Gateway annotation is copied to Certificate object"] =
            new(Gateway(ClusterIssuer().With("cert-manager.io/common-name", "my-cn").With("venafi.cert-manager.io/custom-fields", "foo").With("venafi.cert-manager.io/do-not-copy", "bar"), ExampleCom, []), Defaults())
            {
                Create = [Cert(annotations: ParentRef().With("venafi.cert-manager.io/custom-fields", "foo"), spec: s => s.CommonName = "my-cn")],
            },
    };

    /// <summary>What edit-in-place adds for a Gateway: the ingress-name override (naming the Gateway), temporary certificate, and the parentRef.</summary>
    private static Dictionary<string, string> EditInPlace => ParentRef()
        .With("acme.cert-manager.io/http01-override-ingress-name", "gateway-name")
        .With("cert-manager.io/issue-temporary-certificate", "true");

    private static Dictionary<string, string> IssuerKindAndGroup() =>
        Issuer().With("cert-manager.io/issuer-kind", "Issuer").With("cert-manager.io/issuer-group", "cert-manager.io");

    /// <summary>cert-manager's buildGatewayInDeletion(buildGateway("", "", {issuer: ""}), now, [foregroundDeletion]).</summary>
    private static Gateway InForegroundDeletion()
    {
        var gateway = Gateway(new() { ["cert-manager.io/issuer"] = "" }, name: "");
        gateway.Metadata.NamespaceProperty = "";
        gateway.Metadata.DeletionTimestamp = DateTime.UnixEpoch;
        gateway.Metadata.Finalizers = ["foregroundDeletion"];
        return gateway;
    }
}
