using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;

namespace CertOperator.TestApiServer.ManagedFields;

/// <summary>One metadata.managedFields item with its field set decoded into paths.</summary>
internal sealed class ManagedFieldsEntry(string manager, string operation, string? subresource, string apiVersion, string time, HashSet<string> fields)
{
    public string Manager { get; } = manager;

    public string Operation { get; } = operation;

    public string? Subresource { get; } = subresource;

    public string ApiVersion { get; set; } = apiVersion;

    public string Time { get; set; } = time;

    public HashSet<string> Fields { get; set; } = fields;

    public bool SameOwner(string manager, string operation, string? subresource) =>
        Manager == manager && Operation == operation && Subresource == subresource;

    public static List<ManagedFieldsEntry> Read(JsonObject obj) =>
        (obj["metadata"]?["managedFields"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(e => new ManagedFieldsEntry(
                JsonNodes.Str(e, "manager") ?? "",
                JsonNodes.Str(e, "operation") ?? "Update",
                JsonNodes.Str(e, "subresource"),
                JsonNodes.Str(e, "apiVersion") ?? "",
                JsonNodes.Str(e, "time") ?? "",
                FieldPaths.FromFieldsV1(e["fieldsV1"] as JsonObject)))
            .ToList();

    public static void Write(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        var items = entries.Where(e => e.Fields.Count > 0).Select(e => (JsonNode)e.ToJson()).ToArray();
        var meta = JsonNodes.Metadata(obj);
        if (items.Length == 0)
        {
            meta.Remove("managedFields");
        }
        else
        {
            meta["managedFields"] = new JsonArray(items);
        }
    }

    private JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["apiVersion"] = ApiVersion,
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = FieldPaths.ToFieldsV1(Fields),
            ["manager"] = Manager,
            ["operation"] = Operation,
        };
        if (Subresource is not null)
        {
            json["subresource"] = Subresource;
        }

        json["time"] = Time;
        return json;
    }
}
