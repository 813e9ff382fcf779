using System.Text;

namespace CertOperator.Bench.Idle;

/// <summary>A SelfSigned root, a CA ClusterIssuer on it, and N ECDSA Certificates signed by that CA.</summary>
internal static class Manifests
{
    public const string Namespace = "bench";
    public const string ClusterResourceNamespace = "cert-manager";

    public static string Issuers() => $$"""
        apiVersion: v1
        kind: Namespace
        metadata: {"name": "{{Namespace}}"}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {"name": "{{ClusterResourceNamespace}}"}
        ---
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata: {"name": "bench-selfsigned"}
        spec:
          selfSigned: {}
        ---
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: {"name": "bench-root", "namespace": "{{ClusterResourceNamespace}}"}
        spec:
          isCA: true
          commonName: bench-root
          secretName: bench-root
          privateKey: {"algorithm": "ECDSA", "size": 256}
          issuerRef: {"name": "bench-selfsigned", "kind": "ClusterIssuer"}
        ---
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata: {"name": "bench-ca"}
        spec:
          ca: {"secretName": "bench-root"}
        """;

    public static string Certificates(int first, int count)
    {
        var yaml = new StringBuilder();
        for (var i = first; i < first + count; i++)
        {
            yaml.Append($$"""
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {"name": "c{{i}}", "namespace": "{{Namespace}}"}
                spec:
                  secretName: c{{i}}-tls
                  dnsNames: ["c{{i}}.bench.example.com"]
                  privateKey: {"algorithm": "ECDSA", "size": 256}
                  issuerRef: {"name": "bench-ca", "kind": "ClusterIssuer"}

                """);
        }

        return yaml.ToString();
    }
}
