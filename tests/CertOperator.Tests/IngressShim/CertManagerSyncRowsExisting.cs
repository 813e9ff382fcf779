using CertOperator.Kubernetes.Model;
using static CertOperator.Tests.IngressShim.ShimGen;

namespace CertOperator.Tests.IngressShim;

/// <summary>
/// cert-manager v1.21.1 sync_test.go, TestSync "ingress-shim" table: the rows where Certificates already exist
/// (left alone, updated or deleted). Each key is the cert-manager case name it reproduces.
/// </summary>
internal static class CertManagerSyncRowsExisting
{
    private static readonly Dictionary<string, string> Labelled = new() { ["my-test-label"] = "should be copied" };

    private static readonly string[] ExampleCom = ["example.com"];

    public static Dictionary<string, SyncRow<Ingress>> Rows => new()
    {
        ["should not return any certificates if a correct Certificate already exists"] =
            new(Ingress(Issuer(), [Tls("existing-crt", "example.com")]), Defaults(kind: "Issuer", group: "cert-manager.io"))
            {
                Existing = [Cert("existing-crt", ExampleCom, kind: "Issuer", group: "cert-manager.io")],
            },
        ["should update a certificate if an incorrect Certificate exists"] =
            new(Ingress(Issuer(), [Tls("existing-crt", "example.com")]), Defaults(kind: "Issuer"))
            {
                Existing = [Bare("existing-crt")],
                Update = [Cert("existing-crt", ExampleCom, kind: "Issuer")],
            },
        ["should update an existing Certificate resource with new labels if they do not match those specified on the IngressLike"] =
            new(Ingress(Issuer(), [Tls("cert-secret-name", "example.com")], Labelled), Defaults(kind: "Issuer"))
            {
                Existing = [Cert("cert-secret-name", ExampleCom, kind: "Issuer", labels: new() { ["a-different-value"] = "should be removed" })],
                Update = [Cert("cert-secret-name", ExampleCom, kind: "Issuer", labels: Labelled)],
            },
        ["should update an existing Certificate resource with different revision limit if it does not match specified on the IngressLike"] =
            Changed(Issuer().With("cert-manager.io/revision-history-limit", "1"), s => s.RevisionHistoryLimit = 7, s => s.RevisionHistoryLimit = 1),
        ["should update an existing Certificate resource with different rsa private key size if it does not match specified on the IngressLike"] =
            Changed(Issuer().With("cert-manager.io/private-key-algorithm", "RSA").With("cert-manager.io/private-key-size", "4096"),
                s => s.PrivateKey = new() { Algorithm = "RSA", Size = 2048 }, s => s.PrivateKey = new() { Algorithm = "RSA", Size = 4096 }),
        ["should update an existing Certificate resource with different ecdsa private key size if it does not match specified on the IngressLike"] =
            Changed(Issuer().With("cert-manager.io/private-key-algorithm", "ECDSA").With("cert-manager.io/private-key-size", "384"),
                s => s.PrivateKey = new() { Algorithm = "ECDSA", Size = 256 }, s => s.PrivateKey = new() { Algorithm = "ECDSA", Size = 384 }),
        ["should update an existing Certificate resource with different private key encoding if it does not match specified on the IngressLike"] =
            Changed(Issuer().With("cert-manager.io/private-key-algorithm", "ECDSA").With("cert-manager.io/private-key-encoding", "PKCS8").With("cert-manager.io/private-key-size", "384"),
                s => s.PrivateKey = new() { Algorithm = "ECDSA", Size = 384 }, s => s.PrivateKey = new() { Algorithm = "ECDSA", Encoding = "PKCS8", Size = 384 }),
        ["should update an existing Certificate resource with different private key rotation policy if it does not match specified on the IngressLike"] =
            Changed(Issuer().With("cert-manager.io/private-key-algorithm", "ECDSA").With("cert-manager.io/private-key-encoding", "PKCS1")
                    .With("cert-manager.io/private-key-size", "384").With("cert-manager.io/private-key-rotation-policy", "Always"),
                s => s.PrivateKey = new() { Algorithm = "ECDSA", Size = 384 },
                s => s.PrivateKey = new() { Algorithm = "ECDSA", Encoding = "PKCS1", Size = 384, RotationPolicy = "Always" }),

        // Durations are written as Go prints them, as cert-manager's Certificate holds them ("3600s" is "1h0m0s").
        ["should update an existing Certificate resource with different Duration if it does not match specified on the IngressLike"] =
            Changed(Issuer().With("cert-manager.io/duration", "3600s"), s => s.Duration = "2h0m0s", s => s.Duration = "1h0m0s"),
        ["should update an existing Certificate resource with different RenewBefore if it does not match specified on the IngressLike"] =
            Changed(Issuer().With("cert-manager.io/renew-before", "3600s"), s => s.RenewBefore = "2h0m0s", s => s.RenewBefore = "1h0m0s"),
        ["should not update an existing Certificate if there are no changes (testing elements that default to the nil pointer)"] =
            new(Ingress(Issuer().With("cert-manager.io/duration", "7200s").With("cert-manager.io/renew-before", "3600s").With("cert-manager.io/revision-history-limit", "1"),
                [Tls("cert-secret-name", "example.com")]), Defaults(kind: "Issuer"))
            {
                Existing = [Cert("cert-secret-name", ExampleCom, kind: "Issuer", spec: s => (s.Duration, s.RenewBefore, s.RevisionHistoryLimit) = ("7200s", "1h0m0s", 1))],
            },

        // cert-manager skips a Certificate it does not control silently (a log line); we also say so in a Warning event.
        ["should not update certificate if it does not belong to any ingress"] =
            new(Ingress(Issuer().With("kubernetes.io/ingress.class", "toot-ing"), [Tls("existing-crt", "example.com")]), Defaults())
            {
                Existing = [Cert("existing-crt", ExampleCom, kind: "Issuer", owner: null, usages: [])],
                NotOwned = ["existing-crt"],
            },
        ["should not update certificate if it does not belong to the ingress"] =
            new(Ingress(Issuer().With("kubernetes.io/ingress.class", "toot-ing"), [Tls("existing-crt", "example.com")]), Defaults())
            {
                Existing = [Cert("existing-crt", ExampleCom, kind: "Issuer", owner: "not-ingress-name", usages: [])],
                NotOwned = ["existing-crt"],
            },
        ["should delete a Certificate if its SecretName is not present in the ingress"] =
            new(Ingress(Issuer()), Defaults())
            {
                Existing = [Cert("existing-crt", ExampleCom, kind: "Issuer", usages: [])],
                Delete = ["existing-crt"],
            },
        ["should update a Certificate if is contains a Common Name that is not defined on the ingress annotations"] =
            new(Ingress(IssuerWithGroup(), [Tls("example-com-tls", "example.com")]), Defaults())
            {
                Existing = [Cert(dns: ExampleCom, kind: "Issuer", group: "cert-manager.io", spec: s => s.CommonName = "example-common-name")],
                Update = [Cert(dns: ExampleCom, kind: "Issuer", group: "cert-manager.io")],
            },
        ["should update a Certificate annotations if custom annotation is needed"] =
            new(Ingress(IssuerWithGroup().With("venafi.cert-manager.io/custom-fields", "foo"), [Tls("example-com-tls", "example.com")]), Defaults())
            {
                Existing = [Cert(dns: ExampleCom, kind: "Issuer", group: "cert-manager.io", spec: s => s.CommonName = "example-common-name")],
                Update = [Cert(dns: ExampleCom, kind: "Issuer", group: "cert-manager.io", annotations: new() { ["venafi.cert-manager.io/custom-fields"] = "foo" })],
            },
        ["should append a Certificate annotations if annotation is set"] =
            new(Ingress(IssuerWithGroup().With("venafi.cert-manager.io/custom-fields", "foo"), [Tls("example-com-tls", "example.com")]), Defaults())
            {
                Existing =
                [
                    Cert(dns: ExampleCom, kind: "Issuer", group: "cert-manager.io", annotations: new() { ["venafi.cert-manager.io/custom-fields"] = "bar" },
                        spec: s => s.CommonName = "example-common-name"),
                ],
                Update = [Cert(dns: ExampleCom, kind: "Issuer", group: "cert-manager.io", annotations: new() { ["venafi.cert-manager.io/custom-fields"] = "foo" })],
            },
    };

    private static Dictionary<string, string> IssuerWithGroup() =>
        Issuer().With("cert-manager.io/issuer-kind", "Issuer").With("cert-manager.io/issuer-group", "cert-manager.io");

    /// <summary>cert-manager's "should update an existing Certificate resource with different X" rows: one field differs, the update sets it.</summary>
    private static SyncRow<Ingress> Changed(Dictionary<string, string> annotations, Action<Crds.Certificates.CertificateSpec> before, Action<Crds.Certificates.CertificateSpec> after) =>
        new(Ingress(annotations, [Tls("cert-secret-name", "example.com")]), Defaults(kind: "Issuer"))
        {
            Existing = [Cert("cert-secret-name", ExampleCom, kind: "Issuer", spec: before)],
            Update = [Cert("cert-secret-name", ExampleCom, kind: "Issuer", spec: after)],
        };

    /// <summary>cert-manager's buildCertificate: only a name, a secretName and the owner.</summary>
    private static Crds.Certificates.Certificate Bare(string name)
    {
        var certificate = Cert(name, usages: []);
        certificate.Spec = new() { SecretName = name };
        return certificate;
    }
}
