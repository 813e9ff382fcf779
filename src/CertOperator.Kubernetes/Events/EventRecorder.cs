using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using k8s.Models;

namespace CertOperator.Kubernetes.Events;

/// <summary>
/// Records core/v1 Events. A repeat of an identical event (same object, type, reason, message) patches the
/// existing Event's count and lastTimestamp instead of creating another, as kubectl describe expects.
/// Only identical events wait for each other (one gate per hash stripe of the event's identity), so one slow
/// POST never holds up every other reconcile that records an event. The last <see cref="MaxCached"/> identities are
/// kept as 128-bit digests, not as their text (object, reason and message: a few hundred bytes each), so after a wave
/// of 10,000 issuances the cache holds ~0.5 MB rather than ~3 MB.
/// Failures are logged, never thrown: an event is never worth failing a reconcile for.
/// </summary>
public sealed partial class EventRecorder : IDisposable
{
    private const int MaxCached = 4096;
    private const int Stripes = 64;
    private readonly KubernetesClient _client;
    private readonly string _component;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly Lock _recentLock = new();
    private readonly Dictionary<UInt128, (string Namespace, string Name, int Count)> _recent = [];

    public EventRecorder(KubernetesClient client, string component, TimeProvider? timeProvider = null, ILogger<EventRecorder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(component);
        _client = client;
        _component = component;
        _time = timeProvider ?? client.Time;
        _logger = logger ?? NullLogger<EventRecorder>.Instance;
    }

    public async Task RecordAsync(IKubernetesObject involved, EventType type, string reason, string message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(involved);
        var meta = involved.Metadata;
        var key = Digest(string.Join('\u0001', _component, involved.ApiVersion, involved.Kind, meta.NamespaceProperty, meta.Name, meta.Uid, type, reason, message));
        var gate = _gates[(uint)(key % Stripes)];
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (Recent(key) is { } existing && await IncrementAsync(existing.Namespace, existing.Name, existing.Count + 1, ct).ConfigureAwait(false))
            {
                Remember(key, existing with { Count = existing.Count + 1 });
                return;
            }

            var sent = NewEvent(involved, type, reason, message);
            var created = await _client.CreateAsync(sent, ct).ConfigureAwait(false);
            Remember(key, (sent.Metadata.NamespaceProperty, sent.Metadata.Name, created.Count ?? 1));
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or TimeoutException)
        {
            LogFailed(_logger, e, reason, meta.Name);
        }
        finally
        {
            gate.Release();
        }
    }

    private static UInt128 Digest(string identity) => BinaryPrimitives.ReadUInt128LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));

    private (string Namespace, string Name, int Count)? Recent(UInt128 key)
    {
        lock (_recentLock)
        {
            return _recent.TryGetValue(key, out var entry) ? entry : null;
        }
    }

    private void Remember(UInt128 key, (string Namespace, string Name, int Count) entry)
    {
        lock (_recentLock)
        {
            if (_recent.Count >= MaxCached && !_recent.ContainsKey(key))
            {
                _recent.Clear();
            }

            _recent[key] = entry;
        }
    }

    /// <summary>Patches count and lastTimestamp; false if the Event is gone (expired by the server's TTL).</summary>
    private async Task<bool> IncrementAsync(string ns, string name, int count, CancellationToken ct)
    {
        var patch = new JsonObject
        {
            ["count"] = count,
            ["lastTimestamp"] = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        try
        {
            await _client.PatchAsync<KubeEvent>(ns, name, Patch.Merge(patch), ct).ConfigureAwait(false);
            return true;
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return false;
        }
    }

    private KubeEvent NewEvent(IKubernetesObject involved, EventType type, string reason, string message)
    {
        var meta = involved.Metadata;
        var now = _time.GetUtcNow();
        return new KubeEvent
        {
            Metadata = new V1ObjectMeta
            {
                Name = ObjectNames.Derive(meta.Name ?? "", $".{now.ToUnixTimeMilliseconds():x}{Random.Shared.Next(0x10000):x4}"),
                NamespaceProperty = string.IsNullOrEmpty(meta.NamespaceProperty) ? "default" : meta.NamespaceProperty,
            },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = involved.ApiVersion,
                Kind = involved.Kind,
                NamespaceProperty = meta.NamespaceProperty,
                Name = meta.Name,
                Uid = meta.Uid,
                ResourceVersion = meta.ResourceVersion,
            },
            Type = type.ToString(),
            Reason = reason,
            Message = message,
            Source = new V1EventSource { Component = _component },
            ReportingComponent = _component,
            FirstTimestamp = now.UtcDateTime,
            LastTimestamp = now.UtcDateTime,
            Count = 1,
        };
    }

    public void Dispose()
    {
        foreach (var gate in _gates)
        {
            gate.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record event {Reason} for {Name}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string reason, string? name);
}
