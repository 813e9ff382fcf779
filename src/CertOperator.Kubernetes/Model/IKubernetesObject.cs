using System.Text.Json.Serialization.Metadata;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>Anything with apiVersion, kind and KubernetesClient's <see cref="V1ObjectMeta"/>: our kinds and <see cref="PartialObjectMetadata"/>.</summary>
public interface IKubernetesObject : k8s.IKubernetesObject<V1ObjectMeta>;

/// <summary>
/// A typed kind: static members say where it is served and how it is (de)serialised with
/// source-generated JSON, so the generic client needs no reflection. Built-in kinds are KubernetesClient's
/// models with these members added (<see cref="Secret"/> is a <see cref="V1Secret"/>).
/// </summary>
public interface IKubernetesObject<TSelf> : IKubernetesObject
    where TSelf : class, IKubernetesObject<TSelf>
{
    static abstract ResourceType Resource { get; }

    static abstract JsonTypeInfo<TSelf> JsonTypeInfo { get; }

    static abstract JsonTypeInfo<KubernetesList<TSelf>> ListJsonTypeInfo { get; }

    /// <summary>
    /// Whether a cached copy needs metadata.managedFields until <see cref="ICacheTrimmable.TrimForCache"/> has run;
    /// informers skip them while reading every other kind.
    /// </summary>
    static virtual bool CacheReadsManagedFields => false;
}
