namespace CertOperator.Tests.EndToEnd;

/// <summary>What a "third-party operator" ships for the CA injector: webhook configurations, a converted CRD, an APIService.</summary>
internal static class InjectableManifests
{
    /// <summary>Rules match a group nobody serves, and failures are ignored, so the webhooks are never in the way.</summary>
    public static string WebhookConfiguration(string kind, string name, string annotation, string value, params string[] webhooks) => $"""
        apiVersion: admissionregistration.k8s.io/v1
        kind: {kind}
        metadata:
          name: {name}
          annotations:
            {annotation}: "{value}"
        webhooks:
        {string.Concat(webhooks.Select(Webhook))}
        """;

    public static string ConvertedCrd(string group, string annotation, string value) => $"""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gadgets.{group}
          annotations:
            {annotation}: "{value}"
        spec:
          group: {group}
          scope: Namespaced
          names: {"{"}plural: gadgets, singular: gadget, kind: Gadget, listKind: GadgetList{"}"}
          conversion:
            strategy: Webhook
            webhook:
              conversionReviewVersions: ["v1"]
              clientConfig:
                url: https://127.0.0.1:9/convert
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema: {"{"}type: object, x-kubernetes-preserve-unknown-fields: true{"}"}
          - name: v2
            served: true
            storage: false
            schema:
              openAPIV3Schema: {"{"}type: object, x-kubernetes-preserve-unknown-fields: true{"}"}
        """;

    public static string ApiService(string group, string serviceNamespace, string annotation, string value) => $"""
        apiVersion: apiregistration.k8s.io/v1
        kind: APIService
        metadata:
          name: v1alpha1.{group}
          annotations:
            {annotation}: "{value}"
        spec:
          group: {group}
          version: v1alpha1
          groupPriorityMinimum: 1000
          versionPriority: 15
          service:
            namespace: {serviceNamespace}
            name: fake-api
            port: 443
        """;

    private static string Webhook(string name) => $"""
          - name: {name}
            admissionReviewVersions: ["v1"]
            sideEffects: None
            failurePolicy: Ignore
            clientConfig:
              url: https://127.0.0.1:9/{name}
            rules:
            - apiGroups: ["nobody.example.com"]
              apiVersions: ["v1"]
              operations: ["CREATE"]
              resources: ["nothings"]

        """;
}
