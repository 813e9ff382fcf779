using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Infrastructure;

/// <summary>
/// What this process knows of objects at a resourceVersion its cache may not show yet, typically what its own
/// writes returned: a read that finds the cache at exactly that version takes the value instead of a GET.
/// Writes sent through <see cref="WriteAsync{T}"/> are visible as under way, because the watch event of a write
/// can outrun its response. With a <c>capacity</c>, the oldest entry goes first once it is exceeded; without one,
/// entries stay until taken or forgotten, which is for memos whose entries guard correctness rather than save a GET.
/// </summary>
internal sealed class VersionMemo<TValue>(int? capacity = null)
    where TValue : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ObjectKey, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _oldestFirst = [];
    private readonly ConcurrentDictionary<ObjectKey, Task> _writing = new();

    /// <summary>How many objects the memo holds a value for.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Sends a write of the object at <paramref name="key"/> and remembers what <paramref name="project"/> makes of the
    /// object the server returns (nothing when it makes null). Meanwhile <see cref="WrittenAsync"/> waits for it.
    /// </summary>
    public async Task<T> WriteAsync<T>(ObjectKey key, Func<CancellationToken, Task<T>> send, Func<T, TValue?> project, CancellationToken ct)
        where T : IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(project);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _writing[key] = done.Task;
        try
        {
            var written = await send(ct);
            if (project(written) is { } value)
            {
                Remember(key, written.Metadata.ResourceVersion, value);
            }

            return written;
        }
        finally
        {
            _writing.TryRemove(KeyValuePair.Create(key, done.Task));
            done.SetResult();
        }
    }

    /// <summary>Completes once no write sent through <see cref="WriteAsync{T}"/> to <paramref name="key"/> is under way.</summary>
    public Task WrittenAsync(ObjectKey key, CancellationToken ct) =>
        _writing.TryGetValue(key, out var writing) ? writing.WaitAsync(ct) : Task.CompletedTask;

    public void Remember(ObjectKey key, string? resourceVersion, TValue value)
    {
        lock (_gate)
        {
            RemoveLocked(key);
            _entries[key] = _oldestFirst.AddLast(new Entry(key, resourceVersion, value));
            if (_entries.Count > capacity)
            {
                RemoveLocked(_oldestFirst.First!.Value.Key);
            }
        }
    }

    /// <summary>The value remembered for <paramref name="key"/> and its version, if any, leaving it in place.</summary>
    public bool TryGet(ObjectKey key, out string? resourceVersion, [MaybeNullWhen(false)] out TValue value)
    {
        lock (_gate)
        {
            var found = _entries.TryGetValue(key, out var node);
            (resourceVersion, value) = found ? (node!.Value.ResourceVersion, node.Value.Value) : (null, null);
            return found;
        }
    }

    /// <summary>The value remembered for <paramref name="key"/> at exactly <paramref name="resourceVersion"/>, which the memo then drops.</summary>
    public bool TryTake(ObjectKey key, string? resourceVersion, [MaybeNullWhen(false)] out TValue value)
    {
        lock (_gate)
        {
            var found = _entries.TryGetValue(key, out var node) && node.Value.ResourceVersion == resourceVersion;
            value = found ? node!.Value.Value : null;
            if (found)
            {
                RemoveLocked(key);
            }

            return found;
        }
    }

    public void Forget(ObjectKey key)
    {
        lock (_gate)
        {
            RemoveLocked(key);
        }
    }

    private void RemoveLocked(ObjectKey key)
    {
        if (_entries.Remove(key, out var node))
        {
            _oldestFirst.Remove(node);
        }
    }

    private sealed record Entry(ObjectKey Key, string? ResourceVersion, TValue Value);
}
