namespace CertOperator.Tests.EndToEnd.Hostile;

/// <summary>CertificateRequests written by hand with a bad spec: each is failed with the field named, never retried.</summary>
internal static class RequestCorpus
{
    /// <summary>The reason a CertificateRequest that fails validation carries on Ready=False.</summary>
    public const string InvalidReason = "Failed";

    public static IReadOnlyList<HostileCase> Cases { get; } =
    [
        Invalid("request-not-pem", $"request: {CorpusPki.Base64("hello")}", "spec.request"),
        Invalid("request-garbage-pem", $"request: {CorpusPki.Base64("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n")}", "spec.request"),
        Invalid("request-a-certificate", $"request: {CorpusPki.Base64(CorpusPki.Ca("not a csr").Cert)}", "spec.request"),
        Invalid("request-issuer-kind-unknown", $$"""
            request: {{CorpusPki.CsrBase64("kind.example.test")}}
            issuerRef: {name: {{Corpus.CaIssuer}}, kind: Banana}
            """, "spec.issuerRef.kind"),
        Invalid("request-duration-garbage", $"""
            request: {CorpusPki.CsrBase64("duration.example.test")}
            duration: banana
            """, "spec.duration"),
        Invalid("request-ca-usage-on-leaf", $"""
            request: {CorpusPki.CsrBase64("usage.example.test")}
            usages: ["digital signature", "cert sign"]
            """, "spec.usages"),
        new("certificaterequest-spec", "request-not-base64", Request("request-not-base64", $"request: \"!!not base64!!\"\nissuerRef: {{name: {Corpus.CaIssuer}, kind: ClusterIssuer}}"),
            new RejectedAtApply("spec.request")),
        new("certificaterequest-spec", "request-missing", Request("request-missing", $"issuerRef: {{name: {Corpus.CaIssuer}, kind: ClusterIssuer}}"),
            new RejectedAtApply("request")),
    ];

    private static HostileCase Invalid(string name, string spec, string field) =>
        new("certificaterequest-spec", name, Request(name, spec.Contains("issuerRef:", StringComparison.Ordinal) ? spec : spec + $"\nissuerRef: {{name: {Corpus.CaIssuer}, kind: ClusterIssuer}}"),
            new HasCondition("certificaterequest", Corpus.Namespace, name, "Ready", "False", InvalidReason, field),
            new HasWarningEvent("CertificateRequest", Corpus.Namespace, name, InvalidReason, field));

    private static string Request(string name, string spec) => $"""
        apiVersion: cert-manager.io/v1
        kind: CertificateRequest
        metadata:
          name: {name}
          namespace: {Corpus.Namespace}
        spec:
        {Corpus.Indent(spec, 2)}
        """;
}
