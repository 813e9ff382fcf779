namespace CertOperator.Tests.EndToEnd.Hostile;

/// <summary>Ingresses asking for certificates in ways that cannot work: each gets a Warning BadConfig Event naming what to fix.</summary>
internal static class IngressCorpus
{
    public static IReadOnlyList<HostileCase> Cases { get; } =
    [
        Refused("tls-secret-name-invalid", "[{hosts: [ingress-a.example.test], secretName: \"Bad_Name!\"}]", "spec.tls[0].secretName"),
        Refused("host-invalid", "[{hosts: [\"bad host!!\"], secretName: ingress-host-tls}]", "spec.tls[0].hosts[0]"),
        Bad("tls-without-secret-name", [], "[{hosts: [ingress-b.example.test]}]", "secretName"),
        Bad("issuer-and-cluster-issuer", [("cert-manager.io/issuer", "some-issuer")], Tls("both"), "cert-manager.io/issuer"),
        Bad("duration-garbage", [("cert-manager.io/duration", "banana")], Tls("duration"), "cert-manager.io/duration"),
        Bad("renew-before-garbage", [("cert-manager.io/renew-before", "soon")], Tls("renew"), "cert-manager.io/renew-before"),
        Bad("key-algorithm-unknown", [("cert-manager.io/private-key-algorithm", "DSA")], Tls("algorithm"), "cert-manager.io/private-key-algorithm"),
        Bad("key-size-garbage", [("cert-manager.io/private-key-size", "big")], Tls("size"), "cert-manager.io/private-key-size"),
        Bad("usages-unknown", [("cert-manager.io/usages", "fly")], Tls("usages"), "cert-manager.io/usages"),
        Bad("revision-history-limit-negative", [("cert-manager.io/revision-history-limit", "-1")], Tls("history"), "cert-manager.io/revision-history-limit"),
        Bad("common-name-too-long", [("cert-manager.io/common-name", new string('c', 65))], Tls("cn"), "commonName"),
    ];

    private static string Tls(string name) => $"[{{hosts: [{name}.ingress.example.test], secretName: ingress-{name}-tls}}]";

    /// <summary>Refused by kube-apiserver itself (Ingress validation), so no Event can be expected.</summary>
    private static HostileCase Refused(string name, string tls, string fragment) =>
        new("ingress-annotations", name, Yaml(name, [], tls), new RejectedAtApply(fragment));

    private static HostileCase Bad(string name, (string Key, string Value)[] annotations, string tls, string fragment) =>
        new("ingress-annotations", name, Yaml(name, annotations, tls), new HasWarningEvent("Ingress", Corpus.Namespace, name, "BadConfig", fragment));

    private static string Yaml(string name, (string Key, string Value)[] annotations, string tls) => $$"""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: {{name}}
              namespace: {{Corpus.Namespace}}
              annotations:
                cert-manager.io/cluster-issuer: {{Corpus.CaIssuer}}
            {{string.Concat(annotations.Select(a => $"    {a.Key}: \"{a.Value}\"\n"))}}spec:
              ingressClassName: nginx
              tls: {{tls}}
              rules:
              - host: {{name}}.ingress.example.test
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: web
                        port: {number: 80}
            """;
}
