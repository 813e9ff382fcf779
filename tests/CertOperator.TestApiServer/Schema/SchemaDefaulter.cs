using System.Text.Json.Nodes;

namespace CertOperator.TestApiServer.Schema;

/// <summary>Applies structural-schema <c>default</c>s to absent fields, recursively, like the apiextensions server.</summary>
internal static class SchemaDefaulter
{
    public static void Apply(JsonNode? node, JsonObject? schema)
    {
        if (schema is null)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (key, propertySchema) in properties)
                    {
                        if (!obj.ContainsKey(key) && propertySchema?["default"] is { } value)
                        {
                            obj[key] = value.DeepClone();
                        }
                    }
                }

                foreach (var (key, child) in obj.ToList())
                {
                    if (key != "metadata" || schema["properties"]?["metadata"] is not null)
                    {
                        Apply(child, SchemaPruner.PropertySchema(schema, key));
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Apply(item, schema["items"] as JsonObject);
                }

                break;
        }
    }
}
