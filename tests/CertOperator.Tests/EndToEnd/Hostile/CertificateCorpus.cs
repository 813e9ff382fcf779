namespace CertOperator.Tests.EndToEnd.Hostile;

/// <summary>Certificates whose spec cert-manager's webhook would refuse: each ends Ready=False InvalidSpec naming the field, nothing issued.</summary>
internal static class CertificateCorpus
{
    public static IReadOnlyList<HostileCase> Cases { get; } =
    [
        Invalid("dns-leading-dash", """dnsNames: ["-bad-.example.test"]""", "spec.dnsNames[0]"),
        Invalid("dns-empty-label", """dnsNames: ["foo..example.test"]""", "spec.dnsNames[0]"),
        Invalid("dns-space", """dnsNames: ["ok.example.test", "has space.example.test"]""", "spec.dnsNames[1]"),
        Invalid("dns-double-wildcard", """dnsNames: ["*.*.example.test"]""", "spec.dnsNames[0]"),
        Invalid("dns-inner-wildcard", """dnsNames: ["foo.*.example.test"]""", "spec.dnsNames[0]"),
        Invalid("dns-partial-wildcard", """dnsNames: ["*foo.example.test"]""", "spec.dnsNames[0]"),
        Invalid("dns-long-label", $"""dnsNames: ["{new string('a', 64)}.example.test"]""", "spec.dnsNames[0]"),
        Invalid("dns-long-name", $"""dnsNames: ["{string.Join('.', Enumerable.Repeat(new string('b', 60), 5))}.test"]""", "spec.dnsNames[0]"),
        Invalid("dns-empty", """dnsNames: [""]""", "spec.dnsNames[0]"),
        Invalid("dns-punctuation", """dnsNames: ["bad!host.example.test"]""", "spec.dnsNames[0]"),
        Invalid("dns-url", """dnsNames: ["https://example.test/"]""", "spec.dnsNames[0]"),
        Invalid("ip-out-of-range", """ipAddresses: ["999.1.1.1"]""", "spec.ipAddresses[0]"),
        Invalid("ip-word", """ipAddresses: ["localhost"]""", "spec.ipAddresses[0]"),
        Invalid("ip-short", """ipAddresses: ["10.0.0.1", "1.2.3"]""", "spec.ipAddresses[1]"),
        Invalid("uri-space", """uris: ["spiffe://example.test/has space"]""", "spec.uris[0]"),
        Invalid("uri-relative", """uris: ["relative/path"]""", "spec.uris[0]"),
        Invalid("email-no-at", """emailAddresses: ["nobody.example.test"]""", "spec.emailAddresses[0]"),
        Invalid("email-two-ats", """emailAddresses: ["a@b@example.test"]""", "spec.emailAddresses[0]"),
        Invalid("email-display-name", """emailAddresses: ["Jane <jane@example.test>"]""", "spec.emailAddresses[0]"),
        Invalid("no-names", """duration: 2160h""", "at least one of"),
        Invalid("common-name-too-long", $"""commonName: "{new string('c', 65)}.example.test" """, "spec.commonName"),
        Invalid("literal-subject-garbage", """literalSubject: "this is not a DN" """, "spec.literalSubject"),
        Invalid("literal-subject-unknown-attribute", """literalSubject: "CN=web,NOPE=1" """, "spec.literalSubject"),
        Invalid("literal-subject-with-common-name", """
            literalSubject: "CN=web,O=Example"
            commonName: web
            """, "spec.literalSubject"),
        Invalid("subject-serial-number-too-long", $"""
            dnsNames: ["serial.example.test"]
            subject:
              serialNumber: "{new string('7', 2000)}"
            """, "spec.subject.serialNumber"),
        Invalid("subject-country-too-long", """
            dnsNames: ["country.example.test"]
            subject:
              countries: ["Federal Republic Of"]
            """, "spec.subject.countries[0]"),
        Invalid("subject-organization-too-long", $"""
            dnsNames: ["org.example.test"]
            subject:
              organizations: ["{new string('o', 65)}"]
            """, "spec.subject.organizations[0]"),
        Invalid("other-name-bad-oid", """
            otherNames:
            - oid: "1.2.x.4"
              utf8Value: "user@example.test"
            """, "spec.otherNames[0].oid"),
        Invalid("other-name-no-value", """
            otherNames:
            - oid: "1.3.6.1.4.1.311.20.2.3"
            """, "spec.otherNames[0]"),
        Invalid("rsa-too-small", """
            dnsNames: ["rsa.example.test"]
            privateKey: {algorithm: RSA, size: 1024}
            """, "spec.privateKey.size"),
        Invalid("rsa-too-large", """
            dnsNames: ["rsa.example.test"]
            privateKey: {algorithm: RSA, size: 100000}
            """, "spec.privateKey.size"),
        Invalid("ecdsa-odd-size", """
            dnsNames: ["ec.example.test"]
            privateKey: {algorithm: ECDSA, size: 255}
            """, "spec.privateKey.size"),
        Invalid("ca-usage-on-leaf", """
            dnsNames: ["leaf.example.test"]
            usages: ["digital signature", "cert sign"]
            """, "spec.usages"),
        Invalid("name-constraints-on-leaf", """
            dnsNames: ["leaf.example.test"]
            nameConstraints:
              permitted:
                dnsDomains: ["example.test"]
            """, "spec.nameConstraints"),
        Invalid("duration-too-short", """
            dnsNames: ["short.example.test"]
            duration: 30m
            """, "spec.duration"),
        Invalid("duration-garbage", """
            dnsNames: ["garbage.example.test"]
            duration: banana
            """, "spec.duration"),
        Invalid("renew-before-too-short", """
            dnsNames: ["renew.example.test"]
            renewBefore: 1m
            """, "spec.renewBefore"),
        Invalid("renew-before-longer-than-duration", """
            dnsNames: ["renew.example.test"]
            duration: 24h
            renewBefore: 48h
            """, "spec.renewBefore"),
        Invalid("renew-before-and-percentage", """
            dnsNames: ["renew.example.test"]
            renewBefore: 24h
            renewBeforePercentage: 20
            """, "spec.renewBefore"),
        Invalid("issuer-kind-unknown", """
            dnsNames: ["kind.example.test"]
            issuerRef: {name: corpus-ca, kind: Banana}
            """, "spec.issuerRef.kind"),
        Invalid("secret-name-invalid", """
            secretName: "Bad_Name!"
            dnsNames: ["secret.example.test"]
            """, "spec.secretName"),
        Invalid("secret-name-too-long", $"""
            secretName: "{new string('s', 254)}"
            dnsNames: ["secret.example.test"]
            """, "spec.secretName"),
        Rejected("secret-name-missing", """
            secretName: null
            dnsNames: ["secret.example.test"]
            """, "secretName"),
        Rejected("key-algorithm-unknown", """
            dnsNames: ["dsa.example.test"]
            privateKey: {algorithm: DSA}
            """, "spec.privateKey.algorithm"),
        Rejected("key-encoding-unknown", """
            dnsNames: ["enc.example.test"]
            privateKey: {encoding: PKCS9}
            """, "spec.privateKey.encoding"),
        Rejected("usage-unknown", """
            dnsNames: ["usage.example.test"]
            usages: ["fly"]
            """, "spec.usages"),
        Invalid("renew-before-percentage-zero", """
            dnsNames: ["pct.example.test"]
            renewBeforePercentage: 0
            """, "spec.renewBeforePercentage"),
        Rejected("output-format-unknown", """
            dnsNames: ["fmt.example.test"]
            additionalOutputFormats: [{type: XYZ}]
            """, "spec.additionalOutputFormats"),
        Invalid("dns-lone-star", """dnsNames: ["*"]""", "spec.dnsNames[0]"),
        Invalid("dns-unicode", """dnsNames: ["bücher.example.test"]""", "xn--bcher-kva.example.test"),
        Invalid("ip-with-port", """ipAddresses: ["10.0.0.1:443"]""", "spec.ipAddresses[0]"),
        Invalid("email-empty-local-part", """emailAddresses: ["@example.test"]""", "spec.emailAddresses[0]"),
        Invalid("other-name-empty-oid", """
            otherNames:
            - oid: ""
              utf8Value: "x"
            """, "spec.otherNames[0].oid"),
        Invalid("duration-negative", """
            dnsNames: ["negative.example.test"]
            duration: -1h
            """, "spec.duration"),
        Invalid("renew-before-percentage-100", """
            dnsNames: ["pct.example.test"]
            renewBeforePercentage: 100
            """, "spec.renewBeforePercentage"),
        Invalid("renewal-window-bad-cron", """
            dnsNames: ["window.example.test"]
            renewal: {policy: RenewBefore, windows: [{cron: "0 25 * * *", windowDuration: 2h}]}
            """, "spec.renewal.windows[0].cron"),
        Invalid("renewal-window-unknown-timezone", """
            dnsNames: ["window.example.test"]
            renewal: {policy: RenewBefore, windows: [{cron: "0 10 * * *", timezone: Mars/Olympus, windowDuration: 2h}]}
            """, "spec.renewal.windows[0].timezone"),
        Invalid("revision-history-limit-zero", """
            dnsNames: ["rev.example.test"]
            revisionHistoryLimit: 0
            """, "spec.revisionHistoryLimit"),
    ];

    private static HostileCase Invalid(string name, string spec, string field) => new("certificate-spec", name, Certificate(name, spec),
        new HasCondition("certificate", Corpus.Namespace, name, "Ready", "False", "InvalidSpec", field),
        new HasWarningEvent("Certificate", Corpus.Namespace, name, "InvalidSpec", field));

    private static HostileCase Rejected(string name, string spec, string fragment) =>
        new("certificate-spec", name, Certificate(name, spec), new RejectedAtApply(fragment));

    /// <summary>A Certificate in the corpus namespace on the corpus CA, with secretName and issuerRef unless the spec sets them.</summary>
    public static string Certificate(string name, string spec)
    {
        var lines = spec.Trim('\n');
        var defaults = (lines.Contains("secretName:", StringComparison.Ordinal) ? "" : $"secretName: {name}-tls\n")
            + (lines.Contains("issuerRef:", StringComparison.Ordinal) ? "" : $"issuerRef: {{name: {Corpus.CaIssuer}, kind: ClusterIssuer}}\n");
        return $"""
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: {name}
              namespace: {Corpus.Namespace}
            spec:
            {Corpus.Indent(defaults + lines, 2)}
            """;
    }
}
