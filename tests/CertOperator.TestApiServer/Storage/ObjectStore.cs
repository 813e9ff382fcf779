using System.Globalization;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;

namespace CertOperator.TestApiServer.Storage;

/// <summary>
/// In-memory object storage with one global resourceVersion counter. Stored objects are never
/// mutated after <see cref="Put"/>; writers clone, change and put. Callers doing read-modify-write
/// hold <see cref="Gate"/> (it is re-entrant) so the check and the write are atomic.
/// </summary>
internal sealed class ObjectStore(int historyWindow)
{
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _data = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EventHistory> _histories = new(StringComparer.Ordinal);
    private readonly List<Watcher> _watchers = [];
    private long _resourceVersion;

    public Lock Gate { get; } = new();

    /// <summary>Raised (under the gate) after an object is removed; the garbage collector listens.</summary>
    public event Action? Removed;

    public long ResourceVersion
    {
        get
        {
            lock (Gate)
            {
                return _resourceVersion;
            }
        }
    }

    public static string Key(string ns, string name) => $"{ns}/{name}";

    public JsonObject? Get(string storageKey, string ns, string name)
    {
        lock (Gate)
        {
            return _data.TryGetValue(storageKey, out var map) && map.TryGetValue(Key(ns, name), out var obj) ? obj : null;
        }
    }

    /// <summary>Objects in key order, optionally within one namespace and strictly after a key.</summary>
    public List<(string Key, JsonObject Object)> List(string storageKey, string? ns, string? afterKey = null)
    {
        lock (Gate)
        {
            if (!_data.TryGetValue(storageKey, out var map))
            {
                return [];
            }

            var prefix = ns is null ? null : ns + "/";
            return map
                .Where(p => (prefix is null || p.Key.StartsWith(prefix, StringComparison.Ordinal)) && (afterKey is null || string.CompareOrdinal(p.Key, afterKey) > 0))
                .Select(p => (p.Key, p.Value))
                .ToList();
        }
    }

    public IReadOnlyList<(string StorageKey, JsonObject Object)> All()
    {
        lock (Gate)
        {
            return _data.SelectMany(d => d.Value.Values.Select(o => (d.Key, o))).ToList();
        }
    }

    /// <summary>Stores a new version of an object, assigning the next resourceVersion.</summary>
    public JsonObject Put(string storageKey, JsonObject obj, JsonObject? previous)
    {
        lock (Gate)
        {
            var rv = ++_resourceVersion;
            JsonNodes.Metadata(obj)["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture);
            if (!_data.TryGetValue(storageKey, out var map))
            {
                map = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
                _data[storageKey] = map;
            }

            map[Key(JsonNodes.Namespace(obj), JsonNodes.Name(obj))] = obj;
            Commit(new WatchEvent(previous is null ? "ADDED" : "MODIFIED", rv, storageKey, obj, previous));
            return obj;
        }
    }

    /// <summary>Removes an object; the DELETED event carries a fresh resourceVersion like etcd's delete revision.</summary>
    public JsonObject Remove(string storageKey, JsonObject current)
    {
        lock (Gate)
        {
            var rv = ++_resourceVersion;
            var gone = (JsonObject)current.DeepClone();
            JsonNodes.Metadata(gone)["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture);
            if (_data.TryGetValue(storageKey, out var map))
            {
                map.Remove(Key(JsonNodes.Namespace(current), JsonNodes.Name(current)));
            }

            Commit(new WatchEvent("DELETED", rv, storageKey, gone, current));
            Removed?.Invoke();
            return gone;
        }
    }

    /// <summary>
    /// Registers a watcher. With <paramref name="fromResourceVersion"/> null, the backlog is synthetic ADDED
    /// events for current state; otherwise the retained events after it. Returns null when it is too old,
    /// or newer than anything stored (storage was reset by a restart), so clients relist.
    /// </summary>
    public (Watcher Watcher, List<WatchEvent> Backlog)? Subscribe(string storageKey, string? ns, long? fromResourceVersion)
    {
        lock (Gate)
        {
            var watcher = new Watcher(storageKey, ns);
            List<WatchEvent> backlog;
            if (fromResourceVersion is not { } from)
            {
                backlog = List(storageKey, ns)
                    .Select(p => new WatchEvent("ADDED", ParseRv(p.Object), storageKey, p.Object, null))
                    .ToList();
            }
            else if (History(storageKey).IsExpired(from) || from > _resourceVersion)
            {
                return null;
            }
            else
            {
                backlog = History(storageKey).After(from).Where(watcher.Matches).ToList();
            }

            _watchers.Add(watcher);
            return (watcher, backlog);
        }
    }

    public long OldestRetainedResourceVersion(string storageKey)
    {
        lock (Gate)
        {
            return History(storageKey).EvictedThrough + 1;
        }
    }

    public void Unsubscribe(Watcher watcher)
    {
        lock (Gate)
        {
            _watchers.Remove(watcher);
        }
    }

    /// <summary>The current resourceVersion if the watcher has no undelivered events, so a BOOKMARK never skips one.</summary>
    public long? BookmarkVersion(Watcher watcher)
    {
        lock (Gate)
        {
            return watcher.Reader.Count == 0 ? _resourceVersion : null;
        }
    }

    public void CloseAllWatchers()
    {
        lock (Gate)
        {
            foreach (var w in _watchers)
            {
                w.Close();
            }

            _watchers.Clear();
        }
    }

    public static long ParseRv(JsonObject obj) =>
        long.TryParse(JsonNodes.Str(obj, "metadata", "resourceVersion"), CultureInfo.InvariantCulture, out var rv) ? rv : 0;

    /// <summary>History is kept per resource, like the apiserver's per-type watch cache.</summary>
    private EventHistory History(string storageKey)
    {
        if (!_histories.TryGetValue(storageKey, out var history))
        {
            history = new EventHistory(historyWindow);
            _histories[storageKey] = history;
        }

        return history;
    }

    private void Commit(WatchEvent e)
    {
        History(e.StorageKey).Add(e);
        foreach (var w in _watchers)
        {
            if (w.Matches(e))
            {
                w.Publish(e);
            }
        }
    }
}
