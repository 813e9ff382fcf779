namespace CertOperator.Tests.EndToEnd.Hostile;

/// <summary>Issuers and ClusterIssuers configured wrongly: each ends Ready=False naming the field, and no other issuer suffers.</summary>
internal static class IssuerCorpus
{
    /// <summary>The reason an Issuer carries when its spec fails validation.</summary>
    public const string InvalidReason = "InvalidConfig";

    private const string Server = "https://127.0.0.1:1/directory";

    private static int _accounts;

    public static IReadOnlyList<HostileCase> Cases { get; } =
    [
        Invalid("no-type", "selfSigned: null", "ErrInitIssuer", "spec"),
        Invalid("two-types", """
            selfSigned: {}
            ca: {secretName: corpus-ca-key}
            """, "ErrInitIssuer", "only one"),
        Invalid("ca-secret-missing", "ca: {secretName: does-not-exist}", "ErrGetKeyPair", "does-not-exist"),
        Invalid("ca-secret-name-invalid", "ca: {secretName: \"Bad_Name!\"}", InvalidReason, "spec.ca.secretName"),
        WithSecret("ca-secret-garbage", SecretCorpus.Foreign("garbage-ca", "kubernetes.io/tls", ["tls.crt", "garbage", "tls.key", "garbage"]),
            "ca: {secretName: garbage-ca}", "ErrGetKeyPair", "garbage-ca"),
        WithSecret("ca-secret-not-a-ca", SecretCorpus.ForeignTls("leaf-as-ca", CorpusPki.Certificate("leaf", isCa: false, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(30))),
            "ca: {secretName: leaf-as-ca}", "ErrInvalidKeyPair", "CA"),
        WithSecret("ca-key-mismatch", SecretCorpus.ForeignTls("mismatched-ca", (CorpusPki.Ca("mismatch").Cert, CorpusPki.KeyPem())),
            "ca: {secretName: mismatched-ca}", "ErrInvalidKeyPair", "key"),
        WithSecret("ca-expired", SecretCorpus.ForeignTls("expired-ca", CorpusPki.Certificate("expired", isCa: true, DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddDays(-30))),
            "ca: {secretName: expired-ca}", "ErrInvalidKeyPair", "expired"),
        WithSecret("ca-not-yet-valid", SecretCorpus.ForeignTls("future-ca", CorpusPki.Certificate("future", isCa: true, DateTimeOffset.UtcNow.AddDays(30), DateTimeOffset.UtcNow.AddDays(60))),
            "ca: {secretName: future-ca}", "ErrInvalidKeyPair", "not valid before"),
        Invalid("ca-crl-not-a-url", """
            ca:
              secretName: corpus-ca-key
              crlDistributionPoints: ["not a url"]
            """, InvalidReason, "spec.ca.crlDistributionPoints[0]"),
        Invalid("ca-ocsp-not-a-url", """
            ca:
              secretName: corpus-ca-key
              ocspServers: ["::::"]
            """, InvalidReason, "spec.ca.ocspServers[0]"),
        Invalid("acme-plain-http", Acme("http://127.0.0.1:1/directory", "solvers: [{http01: {ingress: {}}}]"), InvalidReason, "spec.acme.server"),
        Invalid("acme-server-not-a-url", Acme("not a url", "solvers: [{http01: {ingress: {}}}]"), InvalidReason, "spec.acme.server"),
        Invalid("vault", """
            vault:
              server: https://127.0.0.1:1
              path: pki/sign/web
              auth: {tokenSecretRef: {name: vault-token, key: token}}
            """, "VaultError", "spec.vault.auth.tokenSecretRef"),
        Invalid("vault-no-auth", """
            vault:
              server: https://127.0.0.1:1
              path: pki/sign/web
              auth: {}
            """, InvalidReason, "spec.vault.auth"),
        Invalid("venafi", """
            venafi:
              zone: web
              cloud: {apiTokenSecretRef: {name: venafi-token, key: api-key}}
            """, "Unsupported", "spec.venafi"),
        Invalid("acme-bad-email", Acme(Server, """
            email: not-an-email
            solvers: [{http01: {ingress: {}}}]
            """), InvalidReason, "spec.acme.email"),
        Invalid("acme-account-key-name-invalid", $$"""
            acme:
              server: {{Server}}
              privateKeySecretRef: {name: "Bad_Name!"}
              solvers:
              - http01:
                  ingress: {}
            """, InvalidReason, "spec.acme.privateKeySecretRef.name"),
        Invalid("acme-skip-tls-with-ca-bundle", Acme(Server, $$"""
            skipTLSVerify: true
            caBundle: {{CorpusPki.Base64(CorpusPki.Ca("bundle").Cert)}}
            solvers:
            - http01:
                ingress: {}
            """), InvalidReason, "spec.acme.caBundle"),
        Invalid("acme-ca-bundle-garbage", Acme(Server, $$"""
            caBundle: {{CorpusPki.Base64("this is not PEM")}}
            solvers:
            - http01:
                ingress: {}
            """), InvalidReason, "spec.acme.caBundle"),
        Invalid("solver-two-types", Acme(Server, """
            solvers:
            - http01: {ingress: {}}
              dns01: {rfc2136: {nameserver: "127.0.0.1:53"}}
            """), InvalidReason, "spec.acme.solvers[0]"),
        Invalid("solver-no-type", Acme(Server, """
            solvers:
            - selector: {dnsNames: ["a.example.test"]}
            """), InvalidReason, "spec.acme.solvers[0]"),
        Invalid("dns01-two-providers", Acme(Server, """
            solvers:
            - dns01:
                rfc2136: {nameserver: "127.0.0.1:53"}
                acmeDNS: {host: "https://acme-dns.example.test", accountSecretRef: {name: acme-dns, key: account}}
            """), InvalidReason, "spec.acme.solvers[0].dns01"),
        Invalid("dns01-no-provider", Acme(Server, """
            solvers:
            - dns01: {}
            """), InvalidReason, "spec.acme.solvers[0].dns01"),
        Invalid("rfc2136-bad-nameserver", Acme(Server, """
            solvers:
            - dns01: {rfc2136: {nameserver: "not a host:abc"}}
            """), InvalidReason, "spec.acme.solvers[0].dns01.rfc2136.nameserver"),
        Invalid("rfc2136-bad-algorithm", Acme(Server, """
            solvers:
            - dns01:
                rfc2136:
                  nameserver: "127.0.0.1:53"
                  tsigKeyName: corpus
                  tsigAlgorithm: MD4
                  tsigSecretSecretRef: {name: corpus-tsig-2, key: k}
            """), InvalidReason, "spec.acme.solvers[0].dns01.rfc2136.tsigAlgorithm"),
        Invalid("rfc2136-key-without-secret", Acme(Server, """
            solvers:
            - dns01:
                rfc2136:
                  nameserver: "127.0.0.1:53"
                  tsigKeyName: corpus
            """), InvalidReason, "spec.acme.solvers[0].dns01.rfc2136.tsigSecretSecretRef"),
        Invalid("cloudflare-no-credentials", Acme(Server, """
            solvers:
            - dns01: {cloudflare: {email: ops@example.test}}
            """), InvalidReason, "spec.acme.solvers[0].dns01.cloudflare"),
        Invalid("selector-bad-zone", Acme(Server, """
            solvers:
            - selector: {dnsZones: ["bad zone!"]}
              http01: {ingress: {}}
            """), InvalidReason, "spec.acme.solvers[0].selector.dnsZones[0]"),
        Invalid("selector-bad-label", Acme(Server, """
            solvers:
            - selector: {matchLabels: {"bad key!": "x"}}
              http01: {ingress: {}}
            """), InvalidReason, "spec.acme.solvers[0].selector.matchLabels"),
        WithSecret("acme-account-key-garbage", SecretCorpus.Foreign("garbage-account", "Opaque", ["tls.key", "garbage"]), $$"""
            acme:
              server: {{Server}}
              privateKeySecretRef: {name: garbage-account}
              solvers:
              - http01:
                  ingress: {}
            """, "ErrGetKeyPair", "garbage-account"),
        InvalidCluster("cluster-no-type", "selfSigned: null", "ErrInitIssuer", "spec"),
        InvalidCluster("cluster-acme-plain-http", Acme("http://127.0.0.1:1/directory", "solvers: [{http01: {ingress: {}}}]"), InvalidReason, "spec.acme.server"),
        InvalidCluster("cluster-ca-secret-missing", "ca: {secretName: does-not-exist}", "ErrGetKeyPair", "does-not-exist"),
    ];

    private static string Acme(string server, string rest) => $$"""
        acme:
          server: {{server}}
          privateKeySecretRef: {name: account-{{Interlocked.Increment(ref _accounts)}}}
        {{Corpus.Indent(rest, 2)}}
        """;

    private static HostileCase Invalid(string name, string spec, string reason, string fragment) =>
        new("issuer-config", name, SecretCorpus.Issuer(name, spec), Expect("issuer", Corpus.Namespace, "Issuer", name, reason, fragment));

    private static HostileCase WithSecret(string name, string secret, string spec, string reason, string fragment) =>
        new("issuer-config", name, secret + "\n---\n" + SecretCorpus.Issuer(name, spec), Expect("issuer", Corpus.Namespace, "Issuer", name, reason, fragment));

    private static HostileCase InvalidCluster(string name, string spec, string reason, string fragment) =>
        new("issuer-config", name, $"""
            apiVersion: cert-manager.io/v1
            kind: ClusterIssuer
            metadata:
              name: corpus-{name}
            spec:
            {Corpus.Indent(spec, 2)}
            """, Expect("clusterissuer", "", "ClusterIssuer", $"corpus-{name}", reason, fragment));

    private static Outcome[] Expect(string resource, string ns, string kind, string name, string reason, string fragment) =>
    [
        new HasCondition(resource, ns, name, "Ready", "False", reason, fragment),
        new HasWarningEvent(kind, ns.Length == 0 ? "default" : ns, name, reason, fragment),
    ];
}
