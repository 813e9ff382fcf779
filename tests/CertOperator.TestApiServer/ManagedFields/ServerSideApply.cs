using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;

namespace CertOperator.TestApiServer.ManagedFields;

/// <summary>
/// Server-side apply over atomic lists (finalizers are a set): conflicts when another manager owns a
/// field the applier sets to a different value, force takes it over, fields the applier stops
/// applying are removed unless someone else owns them.
/// </summary>
internal static class ServerSideApply
{
    public sealed record Conflict(string Manager, string Path);

    public static (JsonObject Result, IReadOnlyList<Conflict> Conflicts) Apply(JsonObject? current, JsonObject applied, string manager, string? subresource, bool force, string now)
    {
        var entries = current is null ? [] : ManagedFieldsEntry.Read(current);
        var appliedLeaves = FieldPaths.Leaves(applied, withMarkers: false);
        var currentLeaves = current is null ? new Dictionary<string, JsonNode?>() : FieldPaths.Leaves(current, withMarkers: false);
        var own = entries.FirstOrDefault(e => e.SameOwner(manager, "Apply", subresource));

        var conflicts = new List<Conflict>();
        foreach (var entry in entries.Where(e => e.Manager != manager))
        {
            foreach (var path in entry.Fields.Where(p => appliedLeaves.ContainsKey(p)).Order(StringComparer.Ordinal))
            {
                if (!currentLeaves.TryGetValue(path, out var value) || !JsonNode.DeepEquals(value, appliedLeaves[path]))
                {
                    conflicts.Add(new Conflict(entry.Manager, path));
                }
            }
        }

        if (conflicts.Count > 0 && !force)
        {
            return (current!, conflicts);
        }

        foreach (var conflict in conflicts)
        {
            entries.First(e => e.Manager == conflict.Manager && e.Fields.Contains(conflict.Path)).Fields.Remove(conflict.Path);
        }

        var result = current is null ? new JsonObject() : (JsonObject)current.DeepClone();
        var dropped = (own?.Fields ?? []).Where(p => !appliedLeaves.ContainsKey(p) && !entries.Any(e => e != own && e.Fields.Contains(p)));
        foreach (var path in dropped)
        {
            RemovePath(result, FieldPaths.Split(path));
        }

        Merge(result, applied, isMetadata: false);
        if (own is null)
        {
            own = new ManagedFieldsEntry(manager, "Apply", subresource, "", now, []);
            entries.Add(own);
        }

        own.Fields = appliedLeaves.Keys.ToHashSet(StringComparer.Ordinal);
        own.Time = now;
        own.ApiVersion = JsonNodes.Str(applied, "apiVersion") ?? "";
        ManagedFieldsEntry.Write(result, entries);
        return (result, []);
    }

    private static void Merge(JsonObject target, JsonObject source, bool isMetadata)
    {
        foreach (var (key, value) in source)
        {
            if (isMetadata && key == "finalizers" && value is JsonArray add && target[key] is JsonArray existing)
            {
                var union = existing.Select(n => n?.DeepClone()).ToList();
                union.AddRange(add.Where(a => !existing.Any(e => JsonNode.DeepEquals(e, a))).Select(a => a?.DeepClone()));
                target[key] = new JsonArray(union.ToArray());
            }
            else if (value is JsonObject child && target[key] is JsonObject targetChild)
            {
                Merge(targetChild, child, isMetadata: key == "metadata" && !isMetadata);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static void RemovePath(JsonObject root, string[] tokens)
    {
        JsonNode? node = root;
        for (var i = 0; i < tokens.Length - 1; i++)
        {
            node = node is JsonObject o && tokens[i].StartsWith("f:", StringComparison.Ordinal) ? o[tokens[i][2..]] : null;
        }

        var last = tokens[^1];
        if (node is JsonObject parent && last.StartsWith("f:", StringComparison.Ordinal))
        {
            parent.Remove(last[2..]);
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
