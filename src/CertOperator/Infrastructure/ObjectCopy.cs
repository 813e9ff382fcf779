using System.Text.Json;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Infrastructure;

/// <summary>Deep copies of cached objects: informer caches are shared and must never be mutated.</summary>
internal static class ObjectCopy
{
    public static T Clone<T>(T item)
        where T : class, IKubernetesObject<T> =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(item, T.JsonTypeInfo), T.JsonTypeInfo)!;
}
