using System.Text.Json;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Model;

namespace CertOperator.TestApiServer.Tables;

/// <summary>Renders objects as a meta.k8s.io/v1 Table, the way kubectl get asks for them.</summary>
internal static class TableBuilder
{
    private const string NameDescription = "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: http://kubernetes.io/docs/user-guide/identifiers#names";

    public static JsonObject Build(ResourceType type, IEnumerable<JsonObject> objects, DateTimeOffset now, string includeObject, bool withColumns)
    {
        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = new JsonObject(),
        };
        if (withColumns)
        {
            table["columnDefinitions"] = Columns(type);
        }

        table["rows"] = new JsonArray(objects.Select(o => (JsonNode)Row(type, o, now, includeObject)).ToArray());
        return table;
    }

    private static JsonArray Columns(ResourceType type)
    {
        var columns = new JsonArray(new JsonObject
        {
            ["name"] = "Name",
            ["type"] = "string",
            ["format"] = "name",
            ["description"] = NameDescription,
            ["priority"] = 0,
        });
        foreach (var c in type.Columns)
        {
            columns.Add(new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["format"] = c.Format,
                ["description"] = c.Description,
                ["priority"] = c.Priority,
            });
        }

        return columns;
    }

    private static JsonObject Row(ResourceType type, JsonObject obj, DateTimeOffset now, string includeObject)
    {
        var cells = new JsonArray(JsonValue.Create(JsonNodes.Name(obj)));
        foreach (var column in type.Columns)
        {
            cells.Add(Cell(column, obj, now));
        }

        var row = new JsonObject { ["cells"] = cells };
        if (includeObject == "Object")
        {
            row["object"] = obj.DeepClone();
        }
        else if (includeObject != "None")
        {
            row["object"] = PartialMetadata.Of(obj);
        }

        return row;
    }

    private static JsonNode? Cell(PrinterColumn column, JsonObject obj, DateTimeOffset now)
    {
        JsonNode? value;
        if (column.Compute is not null)
        {
            value = column.Compute(obj);
        }
        else
        {
            var results = JsonPathQuery.Parse(column.JsonPath ?? "").Evaluate(obj);
            value = results.Count == 0 ? null : results[0];
        }

        if (value is null)
        {
            return null;
        }

        var kind = value.GetValueKind();
        return column.Type switch
        {
            "date" when column.Format != "date-time" && kind == JsonValueKind.String && JsonNodes.TryParseTime(value.GetValue<string>(), out var t) => HumanDuration.Format(now - t),
            "date" => value.DeepClone(),
            "integer" or "number" => kind == JsonValueKind.Number ? value.DeepClone() : null,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False ? value.DeepClone() : null,
            _ => kind == JsonValueKind.String ? value.DeepClone() : JsonValue.Create(value.ToJsonString()),
        };
    }
}
