using System.Diagnostics.CodeAnalysis;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Kubernetes.Informers;

/// <summary>
/// One copy of the strings that cached objects repeat: namespaces, label and annotation keys and (short) values,
/// owner references' apiVersion and kind, finalizers; kinds implementing <see cref="IStringPooled"/> pool more.
/// Deserialising gives every object its own copies: at 10,000 Certificates the caches held 1.02 million strings,
/// 446,000 of them copies of keys (cert-manager.io/issuer-name, …) and values (the issuer's name, "ClusterIssuer",
/// a namespace, a condition's message) that one pooled string now serves.
/// Every label and annotation map becomes a read-only <see cref="CompactDictionary"/> (a third of a Dictionary's size), and
/// small maps made only of such strings (app=web, controller.cert-manager.io/fao=true) often repeat whole: one
/// instance serves every object that has it. Cached objects are never changed in place (writers clone them), and the
/// maps refuse writes, so a mistake fails loudly instead of changing others.
/// Bounded: once it holds its maximum of strings (or maps) it only hands out what it has, so names of objects
/// long deleted cannot grow it without limit.
/// </summary>
public sealed class StringPool(int maxEntries = StringPool.DefaultMaxEntries)
{
    public const int DefaultMaxEntries = 1 << 16;

    /// <summary>Values longer than this (certificates in annotations, JSON blobs) are rarely repeated: left alone.</summary>
    public const int MaxValueLength = 64;

    /// <summary>Maps with more entries than this are rarely repeated whole: each object keeps its own.</summary>
    public const int MaxSharedMapEntries = 8;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IDictionary<string, string>> _maps = new(StringComparer.Ordinal);

    /// <summary>The pool the informers share, so a key seen on a Secret and on a CertificateRequest is one string.</summary>
    public static StringPool Shared { get; } = new();

    [return: NotNullIfNotNull(nameof(value))]
    public string? Intern(string? value)
    {
        if (value is null || value.Length == 0 || value.Length > MaxValueLength)
        {
            return value;
        }

        return Pooled(_pool, value, value);
    }

    /// <summary>Replaces <paramref name="meta"/>'s repeated strings by their pooled copies.</summary>
    public void InternMetadata(V1ObjectMeta meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        meta.NamespaceProperty = Intern(meta.NamespaceProperty);
        meta.Labels = Intern(meta.Labels);
        meta.Annotations = Intern(meta.Annotations);
        foreach (var owner in meta.OwnerReferences ?? [])
        {
            owner.ApiVersion = Intern(owner.ApiVersion);
            owner.Kind = Intern(owner.Kind);
        }

        InternAll(meta.Finalizers);
    }

    /// <summary>Pools the type, status, reason and (short) message of every condition.</summary>
    public void InternConditions(List<Condition>? conditions)
    {
        foreach (var condition in conditions ?? [])
        {
            condition.Type = Intern(condition.Type);
            condition.Status = Intern(condition.Status);
            condition.Reason = Intern(condition.Reason);
            condition.Message = Intern(condition.Message);
        }
    }

    /// <summary>Pools every element of <paramref name="values"/> in place.</summary>
    public void InternAll(IList<string>? values)
    {
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            values![i] = Intern(values[i]);
        }
    }

    private IDictionary<string, string>? Intern(IDictionary<string, string>? map)
    {
        if (map is null || map.Count == 0)
        {
            return map;
        }

        var shareable = map.Count <= MaxSharedMapEntries && map.All(e => e.Key.Length <= MaxValueLength && e.Value.Length <= MaxValueLength);
        if (!shareable)
        {
            return new CompactDictionary(map, v => Intern(v));
        }

        var signature = string.Join('\0', map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}\0{e.Value}"));
        lock (_gate)
        {
            // Most maps that can be shared already are: hand that one out before building a copy.
            if (_maps.TryGetValue(signature, out var shared))
            {
                return shared;
            }
        }

        return Pooled<IDictionary<string, string>>(_maps, signature, new CompactDictionary(map, v => Intern(v)));
    }

    /// <summary>What <paramref name="pool"/> holds for <paramref name="key"/>, else <paramref name="candidate"/>, kept while there is room.</summary>
    private T Pooled<T>(Dictionary<string, T> pool, string key, T candidate)
    {
        lock (_gate)
        {
            if (pool.TryGetValue(key, out var pooled))
            {
                return pooled;
            }

            if (pool.Count < maxEntries)
            {
                pool.Add(key, candidate);
            }

            return candidate;
        }
    }
}
