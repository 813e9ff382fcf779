using System.Text.Json.Serialization.Metadata;

namespace CertOperator.Kubernetes.Model;

/// <summary>Anything with apiVersion, kind and metadata.</summary>
public interface IKubernetesObject
{
    string? ApiVersion { get; set; }

    string? Kind { get; set; }

    ObjectMeta Metadata { get; set; }
}

/// <summary>
/// A typed kind: static members say where it is served and how it is (de)serialised with
/// source-generated JSON, so the generic client needs no reflection.
/// </summary>
public interface IKubernetesObject<TSelf> : IKubernetesObject
    where TSelf : class, IKubernetesObject<TSelf>
{
    static abstract ResourceType Resource { get; }

    static abstract JsonTypeInfo<TSelf> JsonTypeInfo { get; }

    static abstract JsonTypeInfo<KubernetesList<TSelf>> ListJsonTypeInfo { get; }
}
