using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Kubernetes.Informers;

/// <summary>The thread-safe cache behind an informer: objects by key plus user-defined secondary indexes.</summary>
internal sealed class ObjectStore<T> : IObjectStore<T>
    where T : class, IKubernetesObject
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, T> _items = [];
    private readonly Dictionary<string, Index> _indexes = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public T? Find(ObjectKey key)
    {
        lock (_gate)
        {
            return _items.GetValueOrDefault(key);
        }
    }

    public IReadOnlyList<T> List()
    {
        lock (_gate)
        {
            return [.. _items.Values];
        }
    }

    public IReadOnlyList<T> ByIndex(string indexName, string value)
    {
        lock (_gate)
        {
            var index = _indexes.GetValueOrDefault(indexName) ?? throw new InvalidOperationException($"no index named '{indexName}'");
            return [.. index.Lookup(value).Select(k => _items[k])];
        }
    }

    public void AddIndex(string name, Func<T, IEnumerable<string>> function)
    {
        lock (_gate)
        {
            var index = new Index(function);
            if (!_indexes.TryAdd(name, index))
            {
                throw new InvalidOperationException($"index '{name}' already exists");
            }

            foreach (var (key, item) in _items)
            {
                index.Add(key, item);
            }
        }
    }

    /// <summary>Stores <paramref name="item"/> and returns what it replaced.</summary>
    public T? Upsert(T item)
    {
        var key = ObjectKey.Of(item);
        lock (_gate)
        {
            var old = _items.GetValueOrDefault(key);
            _items[key] = item;
            foreach (var index in _indexes.Values)
            {
                if (old is not null)
                {
                    index.Remove(key, old);
                }

                index.Add(key, item);
            }

            return old;
        }
    }

    public T? Remove(ObjectKey key)
    {
        lock (_gate)
        {
            if (!_items.Remove(key, out var old))
            {
                return null;
            }

            foreach (var index in _indexes.Values)
            {
                index.Remove(key, old);
            }

            return old;
        }
    }

    /// <summary>Keys cached now that are not in <paramref name="keep"/> (deleted while we were not watching).</summary>
    public IReadOnlyList<ObjectKey> KeysExcept(HashSet<ObjectKey> keep)
    {
        lock (_gate)
        {
            return [.. _items.Keys.Where(k => !keep.Contains(k))];
        }
    }

    private sealed class Index(Func<T, IEnumerable<string>> function)
    {
        private readonly Dictionary<string, IndexKeys> _keys = new(StringComparer.Ordinal);

        public IEnumerable<ObjectKey> Lookup(string value) => _keys.TryGetValue(value, out var keys) ? keys.Keys : [];

        public void Add(ObjectKey key, T item)
        {
            foreach (var value in function(item))
            {
                ref var keys = ref CollectionsMarshal.GetValueRefOrAddDefault(_keys, value, out _);
                keys = keys.With(key);
            }
        }

        public void Remove(ObjectKey key, T item)
        {
            foreach (var value in function(item))
            {
                ref var keys = ref CollectionsMarshal.GetValueRefOrNullRef(_keys, value);
                if (Unsafe.IsNullRef(ref keys))
                {
                    continue;
                }

                keys = keys.Without(key);
                if (keys.IsEmpty)
                {
                    _keys.Remove(value);
                }
            }
        }
    }
}
