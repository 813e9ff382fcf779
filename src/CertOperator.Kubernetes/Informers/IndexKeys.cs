namespace CertOperator.Kubernetes.Informers;

/// <summary>
/// The keys filed under one index value. Nearly every value names one object (a Certificate's Secret, a request's
/// owner), so one key is kept inline and a set is made only for a second: at 10,000 Certificates the sets cost
/// about 330 bytes per value, the inline key nothing beyond the index's own entry.
/// </summary>
internal readonly struct IndexKeys
{
    private readonly ObjectKey _one;
    private readonly HashSet<ObjectKey>? _many;

    private IndexKeys(ObjectKey one, HashSet<ObjectKey>? many)
    {
        _one = one;
        _many = many;
    }

    public bool IsEmpty => _many is null && _one.Name is null;

    public IEnumerable<ObjectKey> Keys => _many ?? (_one.Name is null ? [] : [_one]);

    public IndexKeys With(ObjectKey key)
    {
        if (_many is not null)
        {
            _many.Add(key);
            return this;
        }

        return _one.Name is null || _one == key ? new IndexKeys(key, null) : new IndexKeys(default, [_one, key]);
    }

    public IndexKeys Without(ObjectKey key)
    {
        if (_many is null)
        {
            return _one == key ? default : this;
        }

        _many.Remove(key);
        return _many.Count == 1 ? new IndexKeys(_many.First(), null) : this;
    }
}
