using System.Globalization;
using System.Text;

namespace CertOperator.Tests.EndToEnd;

/// <summary>cert-manager YAML as users write it, built from the few values a test cares about.</summary>
internal static class Manifests
{
    public static string SelfSignedClusterIssuer(string name) => $"""
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata:
          name: {name}
        spec:
          selfSigned: {"{}"}
        """;

    public static string SelfSignedIssuer(string name, string ns) => $"""
        apiVersion: cert-manager.io/v1
        kind: Issuer
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          selfSigned: {"{}"}
        """;

    /// <summary>An ACME Issuer with nothing but a server, an account key Secret to generate, and one HTTP-01 solver.</summary>
    public static string AcmeIssuer(string name, string ns, string server) => $"""
        apiVersion: cert-manager.io/v1
        kind: Issuer
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          acme:
            server: {server}
            privateKeySecretRef:
              name: {name}-account-key
            solvers:
            - http01:
                ingress:
                  ingressClassName: nginx
        """;

    public static string CaIssuer(string kind, string name, string secretName, string? ns = null) => $"""
        apiVersion: cert-manager.io/v1
        kind: {kind}
        metadata:
          name: {name}
        {(ns is null ? "" : $"  namespace: {ns}")}
        spec:
          ca:
            secretName: {secretName}
        """;

    public static string Certificate(
        string name,
        string ns,
        string issuerKind,
        string issuer,
        string[] dnsNames,
        string? extraSpec = null,
        string? secretName = null) => $"""
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          secretName: {secretName ?? $"{name}-tls"}
          issuerRef:
            kind: {issuerKind}
            name: {issuer}
          dnsNames:
        {string.Join('\n', dnsNames.Select(d => $"  - \"{d}\""))}
        {Indent(extraSpec)}
        """;

    public static string CaCertificate(string name, string ns, string issuer) => $"""
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          isCA: true
          commonName: {name}
          secretName: {name}
          privateKey:
            algorithm: ECDSA
            size: 256
          issuerRef:
            kind: ClusterIssuer
            name: {issuer}
        """;

    /// <summary>An ACME ClusterIssuer: DNS-01 over RFC 2136 for names under dns.example.test, HTTP-01 for everything else.</summary>
    public static string AcmeClusterIssuer(string name, string server, string caBundle, string nameserver, string keyName, string algorithm, string tsigSecret = "tsig") => $"""
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata:
          name: {name}
        spec:
          acme:
            server: {server}
            email: ops@example.test
            caBundle: {caBundle}
            privateKeySecretRef:
              name: {name}-account-key
            solvers:
            - http01:
                ingress:
                  ingressClassName: nginx
            - selector:
                dnsZones:
                - dns.example.test
              dns01:
                rfc2136:
                  nameserver: {nameserver}
                  tsigKeyName: {keyName}
                  tsigAlgorithm: {algorithm.Replace("hmac-", "HMAC", StringComparison.Ordinal).ToUpperInvariant()}
                  tsigSecretSecretRef:
                    name: {tsigSecret}
                    key: tsig-secret-key
        """;

    /// <summary>A Secret with the given values (stored base64-encoded as `data`) and annotations.</summary>
    public static string Secret(string name, string ns, string type, IReadOnlyDictionary<string, string> data, IReadOnlyDictionary<string, string>? annotations = null) => $"""
        apiVersion: v1
        kind: Secret
        metadata:
          name: {name}
          namespace: {ns}
          annotations: {FlowMap(annotations ?? new Dictionary<string, string>())}
        type: {type}
        data: {FlowMap(data.ToDictionary(d => d.Key, d => Convert.ToBase64String(Encoding.UTF8.GetBytes(d.Value))))}
        """;

    public static string Namespace(string name) => $"""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: {name}
        """;

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A YAML flow mapping, {"k": "v", ...}, of values that need no escaping.</summary>
    private static string FlowMap(IReadOnlyDictionary<string, string> entries) =>
        "{" + string.Join(", ", entries.Select(e => $"\"{e.Key}\": \"{e.Value}\"")) + "}";

    private static string Indent(string? block) =>
        block is null ? "" : string.Join('\n', block.Split('\n').Select(line => "  " + line));
}
