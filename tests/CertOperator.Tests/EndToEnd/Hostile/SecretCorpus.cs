namespace CertOperator.Tests.EndToEnd.Hostile;

/// <summary>
/// Certificates aimed at Secrets that are not theirs (an issuer's keys, other types, other data, another
/// Certificate's): each ends Ready=False naming the conflict and the Secret keeps its resourceVersion.
/// A leftover TLS Secret nobody claims is taken over, as cert-manager does.
/// </summary>
internal static class SecretCorpus
{
    private const string Unreachable = "https://127.0.0.1:1/directory";

    public static IReadOnlyList<HostileCase> Cases { get; } =
    [
        Conflict("on-ca-key-pair", "ns-ca-key", ForeignTls("ns-ca-key", CorpusPki.Ca("corpus ns ca")) + Doc + Issuer("ns-ca", """
            ca:
              secretName: ns-ca-key
            """), "SecretInUse", "spec.ca.secretName"),
        Conflict("on-acme-account-key", "acme-account", Foreign("acme-account", "Opaque", ["tls.key", CorpusPki.KeyPem()]) + Doc + Issuer("acme-own-key", $$"""
            acme:
              server: {{Unreachable}}
              privateKeySecretRef: {name: acme-account}
              solvers:
              - http01:
                  ingress: {}
            """), "SecretInUse", "spec.acme.privateKeySecretRef"),
        Conflict("on-eab-secret", "acme-eab", Foreign("acme-eab", "Opaque", ["secret", "c2VjcmV0LWVhYi1rZXktdGhhdC1pcy1sb25n"]) + Doc + Issuer("acme-eab", $$"""
            acme:
              server: {{Unreachable}}
              privateKeySecretRef: {name: acme-eab-account}
              externalAccountBinding:
                keyID: kid-1
                keySecretRef: {name: acme-eab, key: secret}
              solvers:
              - http01:
                  ingress: {}
            """), "SecretInUse", "externalAccountBinding"),
        Conflict("on-tsig-secret", "corpus-tsig", Foreign("corpus-tsig", "Opaque", ["tsig-secret-key", "c2VjcmV0"]) + Doc + Issuer("acme-tsig", $$"""
            acme:
              server: {{Unreachable}}
              privateKeySecretRef: {name: acme-tsig-account}
              solvers:
              - dns01:
                  rfc2136:
                    nameserver: 127.0.0.1:53
                    tsigKeyName: corpus
                    tsigAlgorithm: HMACSHA256
                    tsigSecretSecretRef: {name: corpus-tsig, key: tsig-secret-key}
            """), "SecretInUse", "tsigSecretSecretRef"),
        Conflict("on-docker-config", "registry-login", Foreign("registry-login", "kubernetes.io/dockerconfigjson", [".dockerconfigjson", """{"auths":{}}"""]),
            "SecretConflict", "has type \"kubernetes.io/dockerconfigjson\""),
        Conflict("on-basic-auth", "basic-auth", Foreign("basic-auth", "kubernetes.io/basic-auth", ["username", "admin", "password", "hunter2"]),
            "SecretConflict", "has type \"kubernetes.io/basic-auth\""),
        Conflict("on-opaque-with-data", "app-config", Foreign("app-config", "Opaque", ["database-password", "hunter2"]),
            "SecretConflict", "database-password"),
        Conflict("on-tls-with-extra-data", "tls-plus", Foreign("tls-plus", "Opaque", ["tls.crt", "x", "tls.key", "y", "api-token", "z"]),
            "SecretConflict", "api-token"),
        new("secret-ownership", "duplicate-secret-name",
            CertificateCorpus.Certificate("dup-first", """
                secretName: dup-shared
                dnsNames: ["first.example.test"]
                """) + Doc + CertificateCorpus.Certificate("dup-second", """
                secretName: dup-shared
                dnsNames: ["second.example.test"]
                """),
            new HasCondition("certificate", Corpus.Namespace, "dup-second", "Ready", "False", "DuplicateSecretName", "Certificate \"dup-first\""),
            new HasCondition("certificate", Corpus.Namespace, "dup-first", "Ready", "True", "Ready", "Certificate \"dup-second\"")),
        new("secret-ownership", "takes-over-unclaimed-garbage-tls",
            $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: leftover-tls
              namespace: {Corpus.Namespace}
            type: kubernetes.io/tls
            data:
              tls.crt: {CorpusPki.Base64("garbage")}
              tls.key: {CorpusPki.Base64("garbage")}
            """ + Doc + CertificateCorpus.Certificate("leftover", """
                secretName: leftover-tls
                dnsNames: ["leftover.example.test"]
                """),
            new HasCondition("certificate", Corpus.Namespace, "leftover", "Ready", "True", "Ready", "up to date")),
    ];

    private const string Doc = "\n---\n";

    private static HostileCase Conflict(string name, string secret, string setup, string reason, string fragment) =>
        new("secret-ownership", name, setup + Doc + CertificateCorpus.Certificate(name, $"""
            secretName: {secret}
            dnsNames: ["{name}.example.test"]
            """),
            new HasCondition("certificate", Corpus.Namespace, name, "Ready", "False", reason, fragment),
            new HasWarningEvent("Certificate", Corpus.Namespace, name, reason, fragment));

    public static string Foreign(string name, string type, string[] keysAndValues) => $$"""
        apiVersion: v1
        kind: Secret
        metadata:
          name: {{name}}
          namespace: {{Corpus.Namespace}}
          labels: {"{{Corpus.ForeignLabel}}": "true"}
        type: {{type}}
        data:
        {{string.Join('\n', keysAndValues.Chunk(2).Select(kv => $"  {kv[0]}: {CorpusPki.Base64(kv[1])}"))}}
        """;

    public static string ForeignTls(string name, (string Cert, string Key) pair) => Foreign(name, "kubernetes.io/tls", ["tls.crt", pair.Cert, "tls.key", pair.Key]);

    public static string Issuer(string name, string spec) => $"""
        apiVersion: cert-manager.io/v1
        kind: Issuer
        metadata:
          name: {name}
          namespace: {Corpus.Namespace}
        spec:
        {Corpus.Indent(spec, 2)}
        """;
}
