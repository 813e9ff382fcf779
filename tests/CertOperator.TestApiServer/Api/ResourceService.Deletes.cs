using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Model;

namespace CertOperator.TestApiServer.Api;

/// <summary>Delete with preconditions, finalizers and propagation policies; namespace termination starts here.</summary>
internal sealed partial class ResourceService
{
    public const string ForegroundFinalizer = "foregroundDeletion";

    public sealed record DeleteOptions(string? PropagationPolicy, string? PreconditionUid, string? PreconditionResourceVersion, bool DryRun = false);

    /// <summary>Returns the object when it stays (finalizers) or a Success Status when it is gone.</summary>
    public JsonObject Delete(ResourceType type, string? ns, string name, DeleteOptions options)
    {
        lock (Store.Gate)
        {
            var current = Store.Get(type.StorageKey, ns ?? "", name) ?? throw ApiException.NotFound(type, name);
            CheckPreconditions(type, name, current, options);
            var details = ApiException.DetailsFor(type, name);
            details["uid"] = JsonNodes.Uid(current);
            if (options.DryRun)
            {
                return StatusObjects.Success(details);
            }

            if (options.PropagationPolicy == "Orphan")
            {
                OrphanDependents(JsonNodes.Uid(current));
            }

            var finalizers = (current["metadata"]?["finalizers"] as JsonArray ?? []).Select(f => f?.ToString() ?? "").ToList();
            if (options.PropagationPolicy == "Foreground" && !finalizers.Contains(ForegroundFinalizer) && HasDependents(JsonNodes.Uid(current)))
            {
                finalizers.Add(ForegroundFinalizer);
            }

            if (type == BuiltInTypes.Namespaces || finalizers.Count > 0)
            {
                return View(type, MarkDeleting(type, current, finalizers));
            }

            RemoveNow(type, current);
            return StatusObjects.Success(details);
        }
    }

    /// <summary>Removes an object from storage now and does the follow-up a real control plane would.</summary>
    public void RemoveNow(ResourceType type, JsonObject current)
    {
        lock (Store.Gate)
        {
            Store.Remove(type.StorageKey, current);
            if (type == BuiltInTypes.Crds)
            {
                var served = ctx.Registry.Types.FirstOrDefault(t => t.CrdName == JsonNodes.Name(current));
                ctx.Registry.ReplaceCrd(JsonNodes.Name(current), []);
                foreach (var (_, obj) in served is null ? [] : Store.List(served.StorageKey, null))
                {
                    Store.Remove(served!.StorageKey, obj);
                }
            }
        }

        ctx.WakeCollector();
    }

    private JsonObject MarkDeleting(ResourceType type, JsonObject current, List<string> finalizers)
    {
        var meta = current["metadata"] as JsonObject;
        if (meta?["deletionTimestamp"] is not null && finalizers.Count == (meta["finalizers"] as JsonArray)?.Count)
        {
            return current;
        }

        var next = (JsonObject)current.DeepClone();
        var nextMeta = JsonNodes.Metadata(next);
        if (nextMeta["deletionTimestamp"] is null)
        {
            nextMeta["deletionTimestamp"] = ctx.Now();
            nextMeta["deletionGracePeriodSeconds"] = 0;
            if (type.TracksGeneration)
            {
                nextMeta["generation"] = (nextMeta["generation"] is JsonValue g ? (long)JsonNodes.AsDouble(g) : 0) + 1;
            }
        }

        if (finalizers.Count > 0)
        {
            nextMeta["finalizers"] = new JsonArray(finalizers.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
        }

        if (type == BuiltInTypes.Namespaces)
        {
            next["status"] = new JsonObject { ["phase"] = "Terminating" };
        }

        var stored = Store.Put(type.StorageKey, next, current);
        ctx.WakeCollector();
        return stored;
    }

    private static void CheckPreconditions(ResourceType type, string name, JsonObject current, DeleteOptions options)
    {
        if (options.PreconditionUid is { Length: > 0 } uid && uid != JsonNodes.Uid(current))
        {
            throw ApiException.Conflict(type, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {JsonNodes.Uid(current)}");
        }

        var currentRv = JsonNodes.Str(current, "metadata", "resourceVersion");
        if (options.PreconditionResourceVersion is { Length: > 0 } rv && rv != currentRv)
        {
            throw ApiException.Conflict(type, name, $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {currentRv}");
        }
    }

    public bool HasDependents(string ownerUid) => Dependents(ownerUid).Any();

    public IEnumerable<(ResourceType Type, JsonObject Object)> Dependents(string ownerUid) =>
        Store.All()
            .Where(p => (p.Object["metadata"]?["ownerReferences"] as JsonArray ?? []).Any(r => JsonNodes.Str(r, "uid") == ownerUid))
            .Select(p => (ctx.Registry.FindByStorageKey(p.StorageKey)!, p.Object))
            .Where(p => p.Item1 is not null);

    private void OrphanDependents(string ownerUid)
    {
        foreach (var (type, obj) in Dependents(ownerUid).ToList())
        {
            var next = (JsonObject)obj.DeepClone();
            var refs = (JsonArray)next["metadata"]!["ownerReferences"]!;
            var kept = refs.Where(r => JsonNodes.Str(r, "uid") != ownerUid).Select(r => r?.DeepClone()).ToArray();
            if (kept.Length == 0)
            {
                JsonNodes.Metadata(next).Remove("ownerReferences");
            }
            else
            {
                JsonNodes.Metadata(next)["ownerReferences"] = new JsonArray(kept);
            }

            Store.Put(type.StorageKey, next, obj);
        }
    }

    /// <summary>Drops one finalizer (the garbage collector's own) and completes the deletion when none remain.</summary>
    public void RemoveFinalizer(ResourceType type, JsonObject obj, string finalizer)
    {
        lock (Store.Gate)
        {
            var current = Store.Get(type.StorageKey, JsonNodes.Namespace(obj), JsonNodes.Name(obj));
            if (current is null)
            {
                return;
            }

            var next = (JsonObject)current.DeepClone();
            var meta = JsonNodes.Metadata(next);
            var kept = (meta["finalizers"] as JsonArray ?? []).Where(f => f?.ToString() != finalizer).Select(f => f?.DeepClone()).ToArray();
            if (kept.Length == 0)
            {
                RemoveNow(type, current);
                return;
            }

            meta["finalizers"] = new JsonArray(kept);
            Store.Put(type.StorageKey, next, current);
        }
    }
}
