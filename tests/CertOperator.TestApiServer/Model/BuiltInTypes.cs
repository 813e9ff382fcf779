using CertOperator.TestApiServer.Tables;

namespace CertOperator.TestApiServer.Model;

/// <summary>The built-in kinds this server serves, with discovery names and table columns.</summary>
internal static class BuiltInTypes
{
    public static IReadOnlyList<ResourceType> All { get; } =
    [
        new("", "v1", "namespaces", "namespace", "Namespace", false) { ShortNames = ["ns"], HasStatus = true, Columns = BuiltInColumns.Namespace },
        new("", "v1", "secrets", "secret", "Secret", true) { Columns = BuiltInColumns.Secret },
        new("", "v1", "configmaps", "configmap", "ConfigMap", true) { ShortNames = ["cm"], Columns = BuiltInColumns.ConfigMap },
        new("", "v1", "serviceaccounts", "serviceaccount", "ServiceAccount", true) { ShortNames = ["sa"], Columns = BuiltInColumns.Default },
        new("", "v1", "services", "service", "Service", true) { ShortNames = ["svc"], Categories = ["all"], HasStatus = true, Columns = BuiltInColumns.Service },
        new("", "v1", "pods", "pod", "Pod", true) { ShortNames = ["po"], Categories = ["all"], HasStatus = true, Columns = BuiltInColumns.Pod },
        new("", "v1", "events", "event", "Event", true) { ShortNames = ["ev"], Columns = BuiltInColumns.Event },
        new("events.k8s.io", "v1", "events", "event", "Event", true) { ShortNames = ["ev"], Columns = BuiltInColumns.Event },
        new("networking.k8s.io", "v1", "ingresses", "ingress", "Ingress", true) { ShortNames = ["ing"], HasStatus = true, TracksGeneration = true, Columns = BuiltInColumns.Ingress },
        new("networking.k8s.io", "v1", "ingressclasses", "ingressclass", "IngressClass", false) { TracksGeneration = true, Columns = BuiltInColumns.Default },
        new("coordination.k8s.io", "v1", "leases", "lease", "Lease", true) { Columns = BuiltInColumns.Lease },
        new("admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations", "validatingwebhookconfiguration", "ValidatingWebhookConfiguration", false)
        {
            Categories = ["api-extensions"], TracksGeneration = true, Columns = BuiltInColumns.Default,
        },
        new("admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", "mutatingwebhookconfiguration", "MutatingWebhookConfiguration", false)
        {
            Categories = ["api-extensions"], TracksGeneration = true, Columns = BuiltInColumns.Default,
        },
        new("apiregistration.k8s.io", "v1", "apiservices", "apiservice", "APIService", false)
        {
            Categories = ["api-extensions"], HasStatus = true, Columns = BuiltInColumns.Default,
        },
        new("apiextensions.k8s.io", "v1", "customresourcedefinitions", "customresourcedefinition", "CustomResourceDefinition", false)
        {
            ShortNames = ["crd", "crds"], Categories = ["api-extensions"], HasStatus = true, TracksGeneration = true, Columns = BuiltInColumns.Crd,
        },
    ];

    public static ResourceType Namespaces => All[0];

    public static ResourceType Crds => All[^1];
}
