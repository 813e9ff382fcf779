using System.Text;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.ManagedFields;
using CertOperator.TestApiServer.Model;
using CertOperator.TestApiServer.Schema;

namespace CertOperator.TestApiServer.Api;

/// <summary>Create, update (PUT) and the four patch types.</summary>
internal sealed partial class ResourceService
{
    public JsonObject Create(ResourceType type, string? ns, JsonObject body, WriteOptions options)
    {
        lock (Store.Gate)
        {
            EnsureNamespaceWritable(type, ns);
            var obj = Admission.PrepareCreate(ctx, type, ns, body, options);
            if (Store.Get(type.StorageKey, ns ?? "", JsonNodes.Name(obj)) is not null)
            {
                throw ApiException.AlreadyExists(type, JsonNodes.Name(obj));
            }

            ManagedFieldsTracker.RecordUpdate(null, obj, options.Manager, null, ctx.Now(), type.Schema);
            return Persist(type, obj, null, options);
        }
    }

    public JsonObject Update(ResourceType type, string? ns, string name, string? subresource, JsonObject body, WriteOptions options)
    {
        lock (Store.Gate)
        {
            var old = Store.Get(type.StorageKey, ns ?? "", name) ?? throw ApiException.NotFound(type, name);
            var bodyName = JsonNodes.Str(body, "metadata", "name");
            if (!string.IsNullOrEmpty(bodyName) && bodyName != name)
            {
                throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
            }

            var rv = JsonNodes.Str(body, "metadata", "resourceVersion");
            if (string.IsNullOrEmpty(rv) && type.IsCustom)
            {
                throw ApiException.InvalidResource(type, name, [new ValidationCause("FieldValueInvalid", "Invalid value: 0x0: must be specified for an update", "metadata.resourceVersion")]);
            }

            CheckResourceVersion(type, name, old, rv);
            return Commit(type, old, body, subresource, options, appliedManagedFields: null);
        }
    }

    public (JsonObject Object, bool Created) Patch(ResourceType type, string? ns, string name, string? subresource, string contentType, byte[] body, WriteOptions options)
    {
        lock (Store.Gate)
        {
            var old = Store.Get(type.StorageKey, ns ?? "", name);
            if (contentType == "application/apply-patch+yaml")
            {
                return ApplyPatch(type, ns, name, subresource, old, body, options);
            }

            if (old is null)
            {
                throw ApiException.NotFound(type, name);
            }

            var patch = JsonNodes.Parse(body);
            JsonNode? patched;
            try
            {
                patched = contentType switch
                {
                    "application/merge-patch+json" => MergePatch.Apply(old, patch),
                    "application/json-patch+json" => JsonPatch.Apply(old, patch as JsonArray ?? throw ApiException.BadRequest("json patch must be an array")),
                    "application/strategic-merge-patch+json" when !type.IsCustom => StrategicMergePatch.Apply(old, patch),
                    _ => throw ApiException.UnsupportedMediaType(contentType),
                };
            }
            catch (JsonPatchException)
            {
                throw ApiException.PatchRejected();
            }

            var candidate = patched as JsonObject ?? throw ApiException.BadRequest("patch did not produce an object");
            CheckResourceVersion(type, name, old, JsonNodes.Str(candidate, "metadata", "resourceVersion"));
            return (Commit(type, old, candidate, subresource, options, appliedManagedFields: null), false);
        }
    }

    private (JsonObject Object, bool Created) ApplyPatch(ResourceType type, string? ns, string name, string? subresource, JsonObject? old, byte[] body, WriteOptions options)
    {
        if (!options.ManagerGiven)
        {
            throw ApiException.InvalidResource(type, name, [new ValidationCause("FieldValueRequired", "Required value: is required for apply patch", "fieldManager")]);
        }

        var applied = YamlToJson.ParseSingle(Encoding.UTF8.GetString(body)) as JsonObject ?? throw ApiException.BadRequest("apply patch must be an object");
        if (string.IsNullOrEmpty(JsonNodes.Str(applied, "apiVersion")) || string.IsNullOrEmpty(JsonNodes.Str(applied, "kind")))
        {
            throw ApiException.BadRequest("apiVersion and kind must be set in an apply patch");
        }

        if (old is not null)
        {
            // As kube-apiserver: a resourceVersion in the applied object is a precondition, on /status too.
            CheckResourceVersion(type, name, old, JsonNodes.Str(applied, "metadata", "resourceVersion"));
        }

        ScopeToEndpoint(type, applied, subresource);
        var (result, conflicts) = ServerSideApply.Apply(old, applied, new ServerSideApply.Applier(options.Manager, subresource, options.Force, ctx.Now()), type.Schema);
        if (conflicts.Count > 0)
        {
            throw ConflictError(conflicts);
        }

        var managed = result["metadata"]?["managedFields"]?.DeepClone();
        if (old is null)
        {
            if (subresource is not null)
            {
                throw ApiException.NotFound(type, name);
            }

            EnsureNamespaceWritable(type, ns);
            JsonNodes.Metadata(result)["name"] = name;
            var created = Admission.PrepareCreate(ctx, type, ns, result, options);
            JsonNodes.Metadata(created)["managedFields"] = managed;
            return (Persist(type, created, null, options), true);
        }

        return (Commit(type, old, result, subresource, options, managed), false);
    }

    /// <summary>An apply through the main resource cannot own status, and one through /status owns nothing else.</summary>
    private static void ScopeToEndpoint(ResourceType type, JsonObject applied, string? subresource)
    {
        if (!type.HasStatus)
        {
            return;
        }

        if (subresource != "status")
        {
            applied.Remove("status");
            return;
        }

        foreach (var key in applied.Select(p => p.Key).Where(k => k is not ("apiVersion" or "kind" or "metadata" or "status")).ToList())
        {
            applied.Remove(key);
        }

        if (applied["metadata"] is JsonObject meta)
        {
            applied["metadata"] = new JsonObject { ["name"] = meta["name"]?.DeepClone(), ["namespace"] = meta["namespace"]?.DeepClone() };
        }
    }

    private static ApiException ConflictError(IReadOnlyList<ServerSideApply.Conflict> conflicts)
    {
        var causes = conflicts.Select(c => (JsonNode)new JsonObject
        {
            ["reason"] = "FieldManagerConflict",
            ["message"] = $"conflict with \"{c.Manager}\"",
            ["field"] = FieldPaths.Display(c.Path),
        }).ToArray();
        var listing = string.Join("\n", conflicts.Select(c => $"conflict with \"{c.Manager}\": {FieldPaths.Display(c.Path)}"));
        var message = conflicts.Count == 1
            ? $"Apply failed with 1 conflict: {listing}"
            : $"Apply failed with {conflicts.Count} conflicts: {listing}";
        return new ApiException(409, "Conflict", message, new JsonObject { ["causes"] = new JsonArray(causes) });
    }

    private static void CheckResourceVersion(ResourceType type, string name, JsonObject old, string? rv)
    {
        if (!string.IsNullOrEmpty(rv) && rv != JsonNodes.Str(old, "metadata", "resourceVersion"))
        {
            throw ApiException.Conflict(type, name);
        }
    }

    /// <summary>Admits, tracks ownership and stores an update; removes the object when its last finalizer went away during deletion.</summary>
    private JsonObject Commit(ResourceType type, JsonObject old, JsonObject candidate, string? subresource, WriteOptions options, JsonNode? appliedManagedFields)
    {
        var next = Admission.PrepareUpdate(ctx, type, candidate, old, subresource, options);
        if (appliedManagedFields is null)
        {
            ManagedFieldsTracker.RecordUpdate(old, next, options.Manager, subresource, ctx.Now(), type.Schema);
        }
        else
        {
            JsonNodes.Metadata(next)["managedFields"] = appliedManagedFields;
        }

        if (SameIgnoringOwnershipTimes(old, next))
        {
            return old;
        }

        var meta = JsonNodes.Metadata(next);
        if (meta["deletionTimestamp"] is not null && meta["finalizers"] is not JsonArray { Count: > 0 })
        {
            if (!options.DryRun)
            {
                RemoveNow(type, old);
            }

            return next;
        }

        return Persist(type, next, old, options);
    }

    /// <summary>A write that changes nothing but managedFields timestamps is a no-op, as on a real server.</summary>
    private static bool SameIgnoringOwnershipTimes(JsonObject old, JsonObject next)
    {
        if (JsonNode.DeepEquals(old, next))
        {
            return true;
        }

        static JsonObject WithoutTimes(JsonObject obj)
        {
            var copy = (JsonObject)obj.DeepClone();
            foreach (var entry in (copy["metadata"]?["managedFields"] as JsonArray ?? []).OfType<JsonObject>())
            {
                entry.Remove("time");
            }

            return copy;
        }

        return JsonNode.DeepEquals(WithoutTimes(old), WithoutTimes(next));
    }

    /// <summary>Stores the admitted object, or only returns it for dryRun=All.</summary>
    private JsonObject Persist(ResourceType type, JsonObject obj, JsonObject? previous, WriteOptions options) =>
        options.DryRun ? View(type, obj) : AfterWrite(type, Store.Put(type.StorageKey, obj, previous));

    private JsonObject AfterWrite(ResourceType type, JsonObject stored)
    {
        if (type == BuiltInTypes.Crds)
        {
            ctx.Registry.ReplaceCrd(JsonNodes.Name(stored), CrdReader.ToTypes(stored));
        }

        return View(type, stored);
    }
}
