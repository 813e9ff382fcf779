using CertOperator.Kubernetes.Model;

namespace CertOperator.Generation;

/// <summary>
/// Schema text for fields declared outside the cert-manager types (the TypeMeta fields of every
/// kind and the shared <see cref="Condition"/>), which cannot carry schema attributes here.
/// </summary>
internal static class CrdWellKnownFields
{
    private static readonly Dictionary<string, string> TypeMeta = new(StringComparer.Ordinal)
    {
        ["apiVersion"] = "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources",
        ["kind"] = "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds",
    };

    private static readonly Dictionary<string, string> ConditionFields = new(StringComparer.Ordinal)
    {
        ["type"] = "Type of the condition, e.g. `Ready`.",
        ["status"] = "Status of the condition: `True`, `False` or `Unknown`.",
        ["reason"] = "A brief machine-readable CamelCase reason for the last transition.",
        ["message"] = "A human-readable explanation of the last transition, complementing reason.",
        ["lastTransitionTime"] = "When the status of the condition last changed.",
        ["observedGeneration"] = "The .metadata.generation the condition was set for; older than the current generation means the condition is out of date.",
    };

    private static readonly string[] ConditionStatuses = ["True", "False", "Unknown"];

    public static string? Description(Type owner, string jsonName) =>
        owner == typeof(Condition) ? ConditionFields.GetValueOrDefault(jsonName)
        : typeof(IKubernetesObject).IsAssignableFrom(owner) ? TypeMeta.GetValueOrDefault(jsonName)
        : null;

    public static IReadOnlyList<string>? EnumValues(Type owner, string jsonName) =>
        owner == typeof(Condition) && jsonName == "status" ? ConditionStatuses : null;
}
