using CertOperator.Kubernetes.Model;
using CertOperator.Tests.IngressShim;
using static CertOperator.Tests.GatewayShim.GatewayGen;

namespace CertOperator.Tests.GatewayShim;

/// <summary>
/// cert-manager v1.21.1 sync_test.go, TestSync "gateway-shim" table: the rows about --gateway-api-extra-protocols
/// and the `cert-manager.io/ignore-tls-listeners` annotation. Each key is the cert-manager case name it reproduces.
/// </summary>
internal static class CertManagerGatewayRowsProtocols
{
    public static Dictionary<string, SyncRow<Gateway>> Rows => new()
    {
        ["Gateway: custom extra protocol with valid TLS block generates a Certificate"] =
            new(Gateway(ClusterIssuer(), [Listener("example.com", ["example-com-tls"], protocol: "CUSTOM-PROTOCOL")]), Defaults() with { GatewayApiExtraProtocols = ["CUSTOM-PROTOCOL"] })
            {
                Create = [Cert(annotations: ParentRef())],
            },
        ["Gateway: custom extra protocol with TLS passthrough is skipped (no Certificate)"] =
            new(Gateway(ClusterIssuer(), [Listener("example.com", [], protocol: "CUSTOM-PROTOCOL", mode: "Passthrough")]), Defaults() with { GatewayApiExtraProtocols = ["CUSTOM-PROTOCOL"] }),
        ["Gateway: empty GatewayAPIExtraProtocols leaves custom protocol Listener unprocessed"] =
            new(Gateway(ClusterIssuer(), [Listener("example.com", ["example-com-tls"], protocol: "CUSTOM-PROTOCOL")]), Defaults()),
        ["Gateway: GatewayAPIExtraProtocols containing duplicate built-in HTTPS does not cause duplicate Certificate"] =
            new(Gateway(ClusterIssuer(), [Https("example.com", "example-com-tls")]), Defaults() with { GatewayApiExtraProtocols = ["HTTPS"] })
            {
                Create = [Cert(annotations: ParentRef())],
            },
        ["GatewayAPI ListenerIgnoreAnnotation should ignore listeners"] =
            new(Gateway(ClusterIssuer().With("cert-manager.io/ignore-tls-listeners", "custom-proto-listener"), [Listener("example.com", ["example-com-tls"], name: "custom-proto-listener")]), Defaults()),
        ["GatewayAPI ListenerIgnoreAnnotation should ignore only listeners with matching name"] =
            new(
                Gateway(
                    ClusterIssuer().With("cert-manager.io/ignore-tls-listeners", "custom-proto-listener,ignore-listener"),
                    [
                        Listener("example.com", ["example-com-tls"], name: "custom-proto-listener"),
                        Listener("ignore.example.com", ["ignore-example-com-tls"], name: "ignore-listener"),
                        Listener("new.example.com", ["new-example-com-tls"], name: "custom-proto-listener-new"),
                    ]),
                Defaults())
            {
                Create = [Cert("new-example-com-tls", ["new.example.com"], annotations: ParentRef())],
            },
    };
}
