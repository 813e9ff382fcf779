using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Schema;

namespace CertOperator.TestApiServer.ManagedFields;

/// <summary>
/// Server-side apply: conflicts when another manager owns a field the applier sets to a different
/// value, force takes it over, fields the applier stops applying are removed unless someone else
/// owns them. Lists merge per item when the schema declares a list type (finalizers are a set);
/// other lists are atomic.
/// </summary>
internal static class ServerSideApply
{
    public sealed record Conflict(string Manager, string Path);

    public sealed record Applier(string Manager, string? Subresource, bool Force, string Now);

    public static (JsonObject Result, IReadOnlyList<Conflict> Conflicts) Apply(JsonObject? current, JsonObject applied, Applier applier, JsonObject? schema)
    {
        var entries = current is null ? [] : ManagedFieldsEntry.Read(current);
        var appliedLeaves = FieldPaths.Leaves(applied, withMarkers: false, schema);
        var currentLeaves = current is null ? new Dictionary<string, JsonNode?>() : FieldPaths.Leaves(current, withMarkers: false, schema);
        var own = entries.FirstOrDefault(e => e.SameOwner(applier.Manager, "Apply", applier.Subresource));

        var conflicts = new List<Conflict>();
        foreach (var entry in entries.Where(e => e.Manager != applier.Manager))
        {
            foreach (var path in entry.Fields.Where(appliedLeaves.ContainsKey).Order(StringComparer.Ordinal))
            {
                if (!currentLeaves.TryGetValue(path, out var value) || !JsonNode.DeepEquals(value, appliedLeaves[path]))
                {
                    conflicts.Add(new Conflict(entry.Manager, path));
                }
            }
        }

        if (conflicts.Count > 0 && !applier.Force)
        {
            return (current!, conflicts);
        }

        foreach (var conflict in conflicts)
        {
            entries.First(e => e.Manager == conflict.Manager && e.Fields.Contains(conflict.Path)).Fields.Remove(conflict.Path);
        }

        var result = current is null ? new JsonObject() : (JsonObject)current.DeepClone();
        // A field that still has owned descendants is not dropped (structured-merge-diff counts it as a member of
        // every set holding a child): kube-apiserver keeps `status` when a manager that once applied `status: {}`
        // later applies `status: {x: 1}`, however others own the rest of status.
        var dropped = (own?.Fields ?? []).Where(p => !appliedLeaves.ContainsKey(p)
            && !entries.Any(e => e != own && e.Fields.Contains(p))
            && !appliedLeaves.Keys.Concat(entries.Where(e => e != own).SelectMany(e => e.Fields)).Any(f => IsAncestor(p, f)));
        foreach (var path in dropped.OrderByDescending(p => p.Length))
        {
            RemovePath(result, FieldPaths.Split(path));
        }

        Merge(result, applied, schema, isMetadata: false);
        if (own is null)
        {
            own = new ManagedFieldsEntry(applier.Manager, "Apply", applier.Subresource, "", applier.Now, []);
            entries.Add(own);
        }

        own.Fields = appliedLeaves.Keys.ToHashSet(StringComparer.Ordinal);
        own.Time = applier.Now;
        own.ApiVersion = JsonNodes.Str(applied, "apiVersion") ?? "";
        ManagedFieldsEntry.Write(result, entries);
        return (result, []);
    }

    private static bool IsAncestor(string path, string descendant) => descendant.StartsWith(FieldPaths.Join(path, ""), StringComparison.Ordinal);

    private static void Merge(JsonObject target, JsonObject source, JsonObject? schema, bool isMetadata)
    {
        foreach (var (key, value) in source)
        {
            var childSchema = schema is null ? null : SchemaPruner.PropertySchema(schema, key);
            var setLike = isMetadata && key == "finalizers" || ListTypes.IsSet(childSchema);
            if (value is JsonArray add && target[key] is JsonArray existing && setLike)
            {
                var union = existing.Select(n => n?.DeepClone()).ToList();
                union.AddRange(add.Where(a => !existing.Any(e => JsonNode.DeepEquals(e, a))).Select(a => a?.DeepClone()));
                target[key] = new JsonArray(union.ToArray());
            }
            else if (value is JsonArray items && target[key] is JsonArray current && ListTypes.MapKeys(childSchema) is { } keys)
            {
                target[key] = MergeListMap(current, items, keys, childSchema!["items"] as JsonObject);
            }
            else if (value is JsonObject child && target[key] is JsonObject targetChild)
            {
                Merge(targetChild, child, childSchema, isMetadata: key == "metadata" && !isMetadata);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static JsonArray MergeListMap(JsonArray current, JsonArray applied, List<string> keys, JsonObject? itemSchema)
    {
        var merged = new JsonArray(current.Select(n => n?.DeepClone()).ToArray());
        foreach (var item in applied.OfType<JsonObject>())
        {
            var keyValues = (JsonObject)JsonNode.Parse(ListTypes.ItemToken(item, keys)[2..])!;
            var index = ListTypes.IndexOf(merged, keyValues);
            if (index >= 0 && merged[index] is JsonObject existing)
            {
                Merge(existing, item, itemSchema, isMetadata: false);
            }
            else
            {
                merged.Add(item.DeepClone());
            }
        }

        return merged;
    }

    /// <summary>Removes a field; removing a list-map item's "." or one of its keys removes the whole item.</summary>
    private static void RemovePath(JsonObject root, string[] tokens)
    {
        JsonNode? node = root;
        JsonArray? list = null;
        JsonObject? item = null;
        JsonObject? itemKeys = null;
        foreach (var token in tokens[..^1])
        {
            if (token.StartsWith("k:", StringComparison.Ordinal) && node is JsonArray array)
            {
                itemKeys = JsonNode.Parse(token[2..]) as JsonObject ?? [];
                var index = ListTypes.IndexOf(array, itemKeys);
                (list, item, node) = (array, index >= 0 ? array[index] as JsonObject : null, index >= 0 ? array[index] : null);
            }
            else
            {
                node = node is JsonObject o && token.StartsWith("f:", StringComparison.Ordinal) ? o[token[2..]] : null;
            }
        }

        var last = tokens[^1];
        var field = last.StartsWith("f:", StringComparison.Ordinal) ? last[2..] : null;
        if (item is not null && ReferenceEquals(node, item) && (last == "." || field is not null && itemKeys!.ContainsKey(field)))
        {
            list!.Remove(item);
        }
        else if (node is JsonObject parent && field is not null)
        {
            parent.Remove(field);
        }
        else if (node is JsonArray set && last.StartsWith("v:", StringComparison.Ordinal))
        {
            var value = JsonNode.Parse(last[2..]);
            var index = set.ToList().FindIndex(n => JsonNode.DeepEquals(n, value));
            if (index >= 0)
            {
                set.RemoveAt(index);
            }
        }
    }
}
