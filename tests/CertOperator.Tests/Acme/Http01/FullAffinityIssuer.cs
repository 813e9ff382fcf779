using System.Text.Json;
using System.Text.Json.Nodes;
using CertOperator.Crds.Issuers;
using CertOperator.Yaml;

namespace CertOperator.Tests.Acme.Http01;

/// <summary>
/// An Issuer as a user writes it, whose HTTP-01 solver pod template sets every field of a core/v1 Affinity
/// (node, pod and anti-affinity, required and preferred), to prove it reaches the solver Pod unchanged.
/// </summary>
internal static class FullAffinityIssuer
{
    public const string Yaml = """
        apiVersion: cert-manager.io/v1
        kind: Issuer
        metadata:
          name: acme-affinity
        spec:
          acme:
            server: https://acme.test/directory
            privateKeySecretRef:
              name: acme-account
            solvers:
              - http01:
                  ingress:
                    podTemplate:
                      spec:
                        affinity:
                          nodeAffinity:
                            requiredDuringSchedulingIgnoredDuringExecution:
                              nodeSelectorTerms:
                                - matchExpressions:
                                    - key: topology.kubernetes.io/zone
                                      operator: In
                                      values: [eu-west-1a, eu-west-1b]
                                  matchFields:
                                    - key: metadata.name
                                      operator: NotIn
                                      values: [node-7]
                                - matchExpressions:
                                    - key: node-role.kubernetes.io/edge
                                      operator: Exists
                            preferredDuringSchedulingIgnoredDuringExecution:
                              - weight: 40
                                preference:
                                  matchExpressions:
                                    - key: cpu-count
                                      operator: Gt
                                      values: ["4"]
                          podAffinity:
                            requiredDuringSchedulingIgnoredDuringExecution:
                              - labelSelector:
                                  matchLabels:
                                    app: ingress-nginx
                                  matchExpressions:
                                    - key: tier
                                      operator: NotIn
                                      values: [batch]
                                namespaces: [ingress-nginx]
                                namespaceSelector:
                                  matchLabels:
                                    team: edge
                                topologyKey: kubernetes.io/hostname
                                matchLabelKeys: [pod-template-hash]
                                mismatchLabelKeys: [tenant]
                            preferredDuringSchedulingIgnoredDuringExecution:
                              - weight: 100
                                podAffinityTerm:
                                  labelSelector:
                                    matchExpressions:
                                      - key: app
                                        operator: Exists
                                  topologyKey: topology.kubernetes.io/zone
                          podAntiAffinity:
                            requiredDuringSchedulingIgnoredDuringExecution:
                              - labelSelector:
                                  matchLabels:
                                    acme.cert-manager.io/http01-solver: "true"
                                namespaceSelector: {}
                                topologyKey: kubernetes.io/hostname
                            preferredDuringSchedulingIgnoredDuringExecution:
                              - weight: 1
                                podAffinityTerm:
                                  labelSelector:
                                    matchExpressions:
                                      - key: workload
                                        operator: In
                                        values: [noisy, batch]
                                  namespaces: [jobs, reports]
                                  topologyKey: kubernetes.io/hostname
                                  matchLabelKeys: [version]
                                  mismatchLabelKeys: [owner]
        """;

    /// <summary>The manifest read as the API server's JSON.</summary>
    public static JsonNode Manifest() => YamlReader.ReadDocuments(Yaml).Single()!;

    /// <summary>The affinity exactly as written in the manifest.</summary>
    public static JsonNode Affinity() =>
        Manifest()["spec"]!["acme"]!["solvers"]![0]!["http01"]!["ingress"]!["podTemplate"]!["spec"]!["affinity"]!;

    /// <summary>The manifest in the typed model, as the operator reads it.</summary>
    public static Issuer Issuer() => JsonSerializer.Deserialize(Manifest().ToJsonString(), Crds.Issuers.Issuer.JsonTypeInfo)!;
}
