using System.Text.Json.Nodes;

namespace CertOperator.TestApiServer.ManagedFields;

/// <summary>
/// Ownership for non-apply writes: the writing manager takes every field it added or changed
/// (maps it created get "."), other managers lose those fields, removed fields leave every set.
/// </summary>
internal static class ManagedFieldsTracker
{
    public static void RecordUpdate(JsonObject? old, JsonObject updated, string manager, string? subresource, string now, JsonObject? schema)
    {
        var entries = old is null ? [] : ManagedFieldsEntry.Read(old);
        var before = old is null ? new Dictionary<string, JsonNode?>() : FieldPaths.Leaves(old, withMarkers: true, schema);
        var after = FieldPaths.Leaves(updated, withMarkers: true, schema);
        var changed = after
            .Where(p => !before.TryGetValue(p.Key, out var previous) || !JsonNode.DeepEquals(previous, p.Value))
            .Select(p => p.Key)
            .ToHashSet(StringComparer.Ordinal);
        var removed = before.Keys.Where(k => !after.ContainsKey(k)).ToHashSet(StringComparer.Ordinal);
        var apiVersion = Json.JsonNodes.Str(updated, "apiVersion") ?? "";

        var own = entries.FirstOrDefault(e => e.SameOwner(manager, "Update", subresource));
        foreach (var entry in entries)
        {
            entry.Fields.ExceptWith(removed);
            if (entry != own)
            {
                entry.Fields.ExceptWith(changed);
            }
        }

        if (changed.Count > 0)
        {
            if (own is null)
            {
                own = new ManagedFieldsEntry(manager, "Update", subresource, apiVersion, now, []);
                entries.Add(own);
            }

            own.Fields.UnionWith(changed);
            own.Time = now;
            own.ApiVersion = apiVersion;
        }

        ManagedFieldsEntry.Write(updated, entries);
    }
}
