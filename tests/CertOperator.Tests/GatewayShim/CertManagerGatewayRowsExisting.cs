using CertOperator.Crds.Certificates;
using CertOperator.Kubernetes.Model;
using CertOperator.Tests.IngressShim;
using static CertOperator.Tests.GatewayShim.GatewayGen;

namespace CertOperator.Tests.GatewayShim;

/// <summary>
/// cert-manager v1.21.1 sync_test.go, TestSync "gateway-shim" table: the rows where Certificates already exist
/// (left alone, updated or deleted) and the one whose annotations do not translate. Each key is the cert-manager
/// case name. Where we differ on purpose the row says so: cert-manager writes the HTTP-01 parentRef annotations
/// only when it creates a Certificate, we keep them on every update as we keep the Ingress-derived ones, so a
/// Certificate made before they existed gets them; and a bad annotation is a BadConfig event, not a retried error.
/// </summary>
internal static class CertManagerGatewayRowsExisting
{
    private static readonly Dictionary<string, string> Labelled = new() { ["my-test-label"] = "should be copied" };

    private static readonly string[] ExampleCom = ["example.com"];

    public static Dictionary<string, SyncRow<Gateway>> Rows => new()
    {
        // Deviation: cert-manager leaves it as it is; we add the missing parentRef annotations.
        ["should not return any certificates if a correct Certificate already exists"] =
            new(Gateway(Issuer(), [Https("example.com", "existing-crt")]), Defaults(kind: "Issuer", group: "cert-manager.io"))
            {
                Existing = [Cert("existing-crt", ExampleCom, "Issuer", "cert-manager.io")],
                Update = [Cert("existing-crt", ExampleCom, "Issuer", "cert-manager.io", annotations: ParentRef())],
            },
        ["should update a certificate if an incorrect Certificate exists"] =
            new(Gateway(Issuer(), [Https("example.com", "existing-crt")]), Defaults(kind: "Issuer"))
            {
                Existing = [Bare("existing-crt")],
                Update = [Cert("existing-crt", ExampleCom, "Issuer", annotations: ParentRef())],
            },
        ["should update an existing Certificate resource with new labels if they do not match those specified on the Gateway"] =
            new(Gateway(Issuer(), [Https("example.com", "cert-secret-name")], Labelled), Defaults(kind: "Issuer"))
            {
                Existing = [Cert("cert-secret-name", ExampleCom, "Issuer", labels: new() { ["a-different-value"] = "should be removed" })],
                Update = [Cert("cert-secret-name", ExampleCom, "Issuer", labels: Labelled, annotations: ParentRef())],
            },
        ["should not update certificate if it does not belong to any Gateway"] =
            new(Gateway(Issuer().With("kubernetes.io/ingress.class", "toot-ing"), [Https("example.com", "existing-crt")]), Defaults())
            {
                Existing = [Cert("existing-crt", ExampleCom, "Issuer", owner: null)],
                NotOwned = ["existing-crt"],
            },
        ["should not update certificate if it does not belong to the Gateway"] =
            new(Gateway(Issuer().With("kubernetes.io/ingress.class", "toot-ing"), [Https("example.com", "existing-crt")]), Defaults())
            {
                Existing = [ShimGen.Cert("existing-crt", ExampleCom, kind: "Issuer", owner: "not-gateway-name")],
                NotOwned = ["existing-crt"],
            },
        ["should delete a Certificate if its secret name is not present in the Gateway"] =
            new(Gateway(Issuer()), Defaults())
            {
                Existing = [Cert("existing-crt", ExampleCom, "Issuer")],
                Delete = ["existing-crt"],
            },
        ["should update a Certificate if it contains a Common Name that is not defined on the Gateway annotations"] =
            new(Gateway(IssuerKindAndGroup(), [Https("example.com", "example-com-tls")]), Defaults())
            {
                Existing = [Cert(kind: "Issuer", group: "cert-manager.io", spec: s => s.CommonName = "example-common-name")],
                Update = [Cert(kind: "Issuer", group: "cert-manager.io", annotations: ParentRef())],
            },

        // Deviation: cert-manager returns an error (and retries); only a new annotation can fix it, so we report it once.
        ["Failure to translate the Gateway annotations"] =
            new(Gateway(IssuerKindAndGroup().With("cert-manager.io/renew-before", "invalid renew before value"), [Https("example.com", "example-com-tls")]), Defaults())
            {
                Blocked = true,
                Warnings = ["cert-manager.io/renew-before"],
            },
    };

    private static Dictionary<string, string> IssuerKindAndGroup() =>
        Issuer().With("cert-manager.io/issuer-kind", "Issuer").With("cert-manager.io/issuer-group", "cert-manager.io");

    /// <summary>cert-manager's buildCertificate: only a name, secretName and the Gateway as controller.</summary>
    private static Certificate Bare(string name)
    {
        var certificate = Cert(name);
        certificate.Spec = new() { SecretName = name };
        return certificate;
    }
}
