using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CertOperator.Kubernetes.Informers;

/// <summary>
/// A read-only string map for cached labels and annotations: keys and values side by side in one array, looked up by
/// a linear ordinal scan (Kubernetes objects carry a handful to a few dozen entries). A deserialised
/// <c>Dictionary</c> of nine annotations, as cert-manager writes on every Secret and request, costs about 600 bytes
/// with its buckets and spare capacity; this costs 48 plus 16 per entry. Writes throw, like a shared map's, since
/// cached objects are never changed in place.
/// </summary>
public sealed class CompactDictionary : IDictionary<string, string>, IReadOnlyDictionary<string, string>
{
    private readonly string[] _items;

    /// <summary>Copies <paramref name="entries"/>, passing each key and value through <paramref name="intern"/>.</summary>
    public CompactDictionary(ICollection<KeyValuePair<string, string>> entries, Func<string, string> intern)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(intern);
        _items = new string[entries.Count * 2];
        var i = 0;
        foreach (var (key, value) in entries)
        {
            _items[i++] = intern(key);
            _items[i++] = intern(value);
        }
    }

    public int Count => _items.Length / 2;

    public bool IsReadOnly => true;

    public ICollection<string> Keys => [.. Enumerable.Range(0, Count).Select(i => _items[2 * i])];

    public ICollection<string> Values => [.. Enumerable.Range(0, Count).Select(i => _items[(2 * i) + 1])];

    IEnumerable<string> IReadOnlyDictionary<string, string>.Keys => Keys;

    IEnumerable<string> IReadOnlyDictionary<string, string>.Values => Values;

    public string this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no entry \"{key}\"");
        set => throw ReadOnly();
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        for (var i = 0; i < _items.Length; i += 2)
        {
            if (string.Equals(_items[i], key, StringComparison.Ordinal))
            {
                value = _items[i + 1];
                return true;
            }
        }

        value = null;
        return false;
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool Contains(KeyValuePair<string, string> item) =>
        TryGetValue(item.Key, out var value) && string.Equals(value, item.Value, StringComparison.Ordinal);

    public void CopyTo(KeyValuePair<string, string>[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        foreach (var entry in this)
        {
            array[arrayIndex++] = entry;
        }
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _items.Length; i += 2)
        {
            yield return new KeyValuePair<string, string>(_items[i], _items[i + 1]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Add(string key, string value) => throw ReadOnly();

    public void Add(KeyValuePair<string, string> item) => throw ReadOnly();

    public bool Remove(string key) => throw ReadOnly();

    public bool Remove(KeyValuePair<string, string> item) => throw ReadOnly();

    public void Clear() => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("a cached object's labels and annotations are read-only; change a copy");
}
