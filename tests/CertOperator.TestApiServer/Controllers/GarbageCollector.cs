using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Api;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Model;

namespace CertOperator.TestApiServer.Controllers;

/// <summary>
/// Background control loop standing in for kube-controller-manager's garbage collector and
/// namespace controller: deletes objects whose owners are all gone, drives foreground deletion and
/// empties terminating namespaces before removing them.
/// </summary>
internal sealed class GarbageCollector : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly ServerContext _ctx;
    private readonly ResourceService _service;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public GarbageCollector(ServerContext ctx)
    {
        _ctx = ctx;
        _service = new ResourceService(ctx);
        ctx.WakeCollector = Wake;
        ctx.Store.Removed += Wake;
        _loop = Task.Run(RunAsync);
    }

    public async ValueTask DisposeAsync()
    {
        _ctx.Store.Removed -= Wake;
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _wake.Dispose();
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(Interval, _stop.Token);
                Sweep();
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                // A bug in one sweep must not stop collection for the rest of the test run; make it visible.
                await Console.Error.WriteLineAsync($"test apiserver garbage collector: {e}");
            }
        }
    }

    private void Sweep()
    {
        var all = _ctx.Store.All()
            .Select(p => (Type: _ctx.Registry.FindByStorageKey(p.StorageKey), p.Object))
            .Where(p => p.Type is not null)
            .Select(p => (Type: p.Type!, p.Object))
            .ToList();
        var live = all.ToDictionary(p => JsonNodes.Uid(p.Object), p => p.Type.Namespaced ? JsonNodes.Namespace(p.Object) : null, StringComparer.Ordinal);
        foreach (var (type, obj) in all)
        {
            var owners = OwnerUids(obj);
            if (owners.Count > 0 && !owners.Any(uid => OwnerVisible(live, uid, JsonNodes.Namespace(obj))))
            {
                DeleteQuietly(type, obj);
            }

            if (IsDeleting(obj) && Finalizers(obj).Contains(ResourceService.ForegroundFinalizer))
            {
                var dependents = all.Where(d => OwnerUids(d.Object).Contains(JsonNodes.Uid(obj))).ToList();
                dependents.ForEach(d => DeleteQuietly(d.Type, d.Object));
                if (dependents.Count == 0)
                {
                    _service.RemoveFinalizer(type, obj, ResourceService.ForegroundFinalizer);
                }
            }

            if (type == BuiltInTypes.Namespaces && IsDeleting(obj))
            {
                FinishNamespace(obj, all);
            }
        }
    }

    private void FinishNamespace(JsonObject ns, List<(ResourceType Type, JsonObject Object)> all)
    {
        var name = JsonNodes.Name(ns);
        var contents = all.Where(p => p.Type.Namespaced && JsonNodes.Namespace(p.Object) == name).ToList();
        contents.ForEach(p => DeleteQuietly(p.Type, p.Object));
        if (contents.Count == 0 && Finalizers(ns).Count == 0)
        {
            _service.RemoveNow(BuiltInTypes.Namespaces, ns);
        }
    }

    private void DeleteQuietly(ResourceType type, JsonObject obj)
    {
        if (IsDeleting(obj))
        {
            return;
        }

        try
        {
            var ns = JsonNodes.Namespace(obj);
            _service.Delete(type, ns.Length == 0 ? null : ns, JsonNodes.Name(obj), new ResourceService.DeleteOptions("Background", JsonNodes.Uid(obj), null));
        }
        catch (ApiException)
        {
            // Changed or gone since the sweep started; the next sweep sees the new state.
        }
    }

    /// <summary>Like the real collector, a namespaced owner only counts when it is in the dependent's namespace.</summary>
    private static bool OwnerVisible(Dictionary<string, string?> live, string uid, string dependentNamespace) =>
        live.TryGetValue(uid, out var ownerNamespace) && (ownerNamespace is null || ownerNamespace == dependentNamespace);

    private static bool IsDeleting(JsonObject obj) => obj["metadata"]?["deletionTimestamp"] is not null;

    private static List<string> Finalizers(JsonObject obj) =>
        (obj["metadata"]?["finalizers"] as JsonArray ?? []).Select(f => f?.ToString() ?? "").ToList();

    private static List<string> OwnerUids(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray ?? []).Select(r => JsonNodes.Str(r, "uid") ?? "").ToList();
}
