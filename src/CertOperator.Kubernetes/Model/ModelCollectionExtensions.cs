using System.Collections.ObjectModel;

namespace CertOperator.Kubernetes.Model;

/// <summary>
/// Reads and edits for the <see cref="IDictionary{TKey,TValue}"/> and <see cref="IList{T}"/> members of
/// KubernetesClient's models (labels, annotations, a Secret's data, an Ingress's rules), which the framework's
/// GetValueOrDefault, <c>?? []</c> and List.RemoveAll do not take.
/// </summary>
public static class ModelCollectionExtensions
{
    public static TValue? GetOrDefault<TKey, TValue>(this IDictionary<TKey, TValue> map, TKey key)
    {
        ArgumentNullException.ThrowIfNull(map);
        return map.TryGetValue(key, out var value) ? value : default;
    }

    /// <summary>The map read-only, or an empty one for null; no copy, as deserialised maps are Dictionaries.</summary>
    public static IReadOnlyDictionary<TKey, TValue> OrEmpty<TKey, TValue>(this IDictionary<TKey, TValue>? map)
        where TKey : notnull => map switch
        {
            null => ReadOnlyDictionary<TKey, TValue>.Empty,
            IReadOnlyDictionary<TKey, TValue> readOnly => readOnly,
            _ => map.AsReadOnly(),
        };

    /// <summary>Removes every item matching <paramref name="match"/>; returns how many.</summary>
    public static int RemoveAll<T>(this IList<T> list, Predicate<T> match)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(match);
        var removed = 0;
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (match(list[i]))
            {
                list.RemoveAt(i);
                removed++;
            }
        }

        return removed;
    }
}
