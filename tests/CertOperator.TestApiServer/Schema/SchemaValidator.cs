using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CertOperator.TestApiServer.Json;

namespace CertOperator.TestApiServer.Schema;

/// <summary>
/// OpenAPI v3 structural-schema checks with apiextensions-style messages: type, enum, required,
/// pattern, format, numeric bounds, string length and item counts. CEL rules are not evaluated.
/// </summary>
internal static class SchemaValidator
{
    public static List<ValidationCause> ValidateRoot(JsonObject obj, JsonObject schema)
    {
        var causes = new List<ValidationCause>();
        ValidateObject(obj, schema, "", causes, isResourceRoot: true);
        return causes;
    }

    private static void Validate(JsonNode? node, JsonObject schema, string path, List<ValidationCause> causes)
    {
        if (node is null)
        {
            return;
        }

        if (!CheckType(node, schema, path, causes))
        {
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, node)))
        {
            causes.Add(ValidationCause.NotSupported(path, node, allowed));
        }

        switch (node)
        {
            case JsonObject obj:
                ValidateObject(obj, schema, path, causes, isResourceRoot: false);
                break;
            case JsonArray array:
                ValidateArray(array, schema, path, causes);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                ValidateString(value.GetValue<string>(), node, schema, path, causes);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                ValidateNumber(JsonNodes.AsDouble(value), node, schema, path, causes);
                break;
        }
    }

    private static void ValidateObject(JsonObject obj, JsonObject schema, string path, List<ValidationCause> causes, bool isResourceRoot)
    {
        var required = (schema["required"] as JsonArray ?? []).Select(r => r?.GetValue<string>() ?? "").ToHashSet(StringComparer.Ordinal);
        var keys = obj.Select(p => p.Key).Concat(required).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var childPath = path.Length == 0 ? key : $"{path}.{key}";
            if (!obj.ContainsKey(key) || obj[key] is null && required.Contains(key))
            {
                if (required.Contains(key))
                {
                    causes.Add(ValidationCause.Required(childPath));
                }

                continue;
            }

            if (isResourceRoot && key == "metadata")
            {
                continue;
            }

            if (SchemaPruner.PropertySchema(schema, key) is { } childSchema)
            {
                Validate(obj[key], childSchema, childPath, causes);
            }
        }
    }

    private static void ValidateArray(JsonArray array, JsonObject schema, string path, List<ValidationCause> causes)
    {
        if (schema["minItems"] is JsonValue min && array.Count < JsonNodes.AsDouble(min))
        {
            causes.Add(ValidationCause.Invalid(path, array, $"{path} in body should have at least {min} items"));
        }

        if (schema["maxItems"] is JsonValue max && array.Count > JsonNodes.AsDouble(max))
        {
            causes.Add(new ValidationCause("FieldValueTooMany", $"Too many: {array.Count}: must have at most {max} items", path));
        }

        CheckListType(array, schema, path, causes);
        if (schema["items"] is JsonObject itemSchema)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Validate(array[i], itemSchema, $"{path}[{i}]", causes);
            }
        }
    }

    /// <summary>x-kubernetes-list-type map and set forbid duplicate keys/items.</summary>
    private static void CheckListType(JsonArray array, JsonObject schema, string path, List<ValidationCause> causes)
    {
        var listType = JsonNodes.Str(schema, "x-kubernetes-list-type");
        if (listType is not ("map" or "set"))
        {
            return;
        }

        var keys = (schema["x-kubernetes-list-map-keys"] as JsonArray ?? []).Select(k => k?.ToString() ?? "").ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var identity = listType == "set" || keys.Count == 0
                ? array[i]
                : new JsonObject(keys.Select(k => KeyValuePair.Create(k, array[i]?[k]?.DeepClone())));
            if (!seen.Add(identity?.ToJsonString() ?? "null"))
            {
                causes.Add(new ValidationCause("FieldValueDuplicate", $"Duplicate value: {identity?.ToJsonString(JsonNodes.Compact)}", $"{path}[{i}]"));
            }
        }
    }

    private static void ValidateString(string text, JsonNode node, JsonObject schema, string path, List<ValidationCause> causes)
    {
        if (schema["minLength"] is JsonValue min && text.Length < JsonNodes.AsDouble(min))
        {
            causes.Add(ValidationCause.Invalid(path, node, $"{path} in body should be at least {min} chars long"));
        }

        if (schema["maxLength"] is JsonValue max && text.Length > JsonNodes.AsDouble(max))
        {
            causes.Add(new ValidationCause("FieldValueTooLong", $"Too long: may not be more than {max} bytes", path));
        }

        if (JsonNodes.Str(schema, "pattern") is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            causes.Add(ValidationCause.Invalid(path, node, $"{path} in body should match '{pattern}'"));
        }

        if (JsonNodes.Str(schema, "format") is "date-time" && !JsonNodes.TryParseTime(text, out _))
        {
            causes.Add(ValidationCause.Invalid(path, node, $"{path} in body must be of type date-time: {JsonNodes.Render(node)}"));
        }

        if (JsonNodes.Str(schema, "format") is "byte" && !Convert.TryFromBase64String(text, new byte[text.Length], out _))
        {
            causes.Add(ValidationCause.Invalid(path, node, $"{path} in body must be of type byte: {JsonNodes.Render(node)}"));
        }
    }

    private static void ValidateNumber(double number, JsonNode node, JsonObject schema, string path, List<ValidationCause> causes)
    {
        var exclusiveMin = schema["exclusiveMinimum"]?.GetValue<bool>() == true;
        var exclusiveMax = schema["exclusiveMaximum"]?.GetValue<bool>() == true;
        if (schema["minimum"] is JsonValue min && (exclusiveMin ? number <= JsonNodes.AsDouble(min) : number < JsonNodes.AsDouble(min)))
        {
            causes.Add(ValidationCause.Invalid(path, node, $"{path} in body should be greater than {(exclusiveMin ? "" : "or equal to ")}{min}"));
        }

        if (schema["maximum"] is JsonValue max && (exclusiveMax ? number >= JsonNodes.AsDouble(max) : number > JsonNodes.AsDouble(max)))
        {
            causes.Add(ValidationCause.Invalid(path, node, $"{path} in body should be less than {(exclusiveMax ? "" : "or equal to ")}{max}"));
        }

        var format = JsonNodes.Str(schema, "format");
        if (format == "int32" && (number < int.MinValue || number > int.MaxValue))
        {
            causes.Add(ValidationCause.Invalid(path, node, $"{path} in body must be of type int32: {number.ToString(CultureInfo.InvariantCulture)}"));
        }
    }

    private static bool CheckType(JsonNode node, JsonObject schema, string path, List<ValidationCause> causes)
    {
        var type = SchemaPruner.Type(schema);
        var intOrString = schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true;
        var kind = node.GetValueKind();
        var ok = intOrString
            ? kind == JsonValueKind.String || IsInteger(node)
            : type switch
            {
                "object" => node is JsonObject,
                "array" => node is JsonArray,
                "string" => kind == JsonValueKind.String,
                "integer" => IsInteger(node),
                "number" => kind == JsonValueKind.Number,
                "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
                _ => true,
            };
        if (!ok)
        {
            causes.Add(ValidationCause.TypeInvalid(path, JsonValue.Create(DescribeKind(kind)), type ?? "int-or-string"));
        }

        return ok;
    }

    private static bool IsInteger(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.Number && JsonNodes.AsDouble(node) is var d && Math.Abs(d % 1) < double.Epsilon;

    private static string DescribeKind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
