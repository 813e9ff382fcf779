using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Crds.Schema;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Generation;

/// <summary>
/// Builds a structural OpenAPI v3 schema for a kind from its C# type. Field names and nesting
/// come from the JSON serialisation metadata, so the schema matches the wire format by
/// construction; details (description, required, enum, …) come from the attributes in
/// <c>CertOperator.Crds.Schema</c>.
/// </summary>
internal sealed class CrdSchemaBuilder(JsonSerializerOptions options)
{
    public SortedDictionary<string, object> ForKind(Type kind)
    {
        var schema = ForObject(options.GetTypeInfo(kind));
        schema["description"] = DescriptionOf(kind) ?? throw MissingDescription(kind.Name);
        return schema;
    }

    private SortedDictionary<string, object> ForObject(JsonTypeInfo info)
    {
        var properties = new SortedDictionary<string, object>(StringComparer.Ordinal);
        var required = new List<string>();
        foreach (var property in info.Properties)
        {
            var member = property.AttributeProvider as MemberInfo
                ?? throw new InvalidOperationException($"{info.Type.Name}.{property.Name} has no member to read schema attributes from.");
            properties[property.Name] = ForProperty(info.Type, property, member);
            if (property.IsRequired || member.IsDefined(typeof(RequiredAttribute)))
            {
                required.Add(property.Name);
            }
        }

        var schema = Node("type", "object");
        schema["properties"] = properties;
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        if (info.Type.IsDefined(typeof(AtomicMapAttribute)))
        {
            schema["x-kubernetes-map-type"] = "atomic";
        }

        var rules = info.Type.GetCustomAttributes<ValidationRuleAttribute>().ToList();
        if (rules.Count > 0)
        {
            schema["x-kubernetes-validations"] = rules
                .Select(r => new SortedDictionary<string, object>(StringComparer.Ordinal) { ["rule"] = r.Rule, ["message"] = r.Message })
                .ToList();
        }

        return schema;
    }

    private SortedDictionary<string, object> ForProperty(Type owner, JsonPropertyInfo property, MemberInfo member)
    {
        var schema = property.PropertyType == typeof(V1ObjectMeta)
            ? Node("type", "object")
            : ForValue(property.PropertyType, member);
        var description = member.GetCustomAttribute<DescriptionAttribute>()?.Description
            ?? CrdWellKnownFields.Description(owner, property.Name)
            ?? DescriptionOf(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType);
        if (description is not null)
        {
            schema["description"] = description;
        }

        if (member.GetCustomAttribute<SchemaDefaultAttribute>() is { } defaultValue)
        {
            schema["default"] = defaultValue.Value;
        }

        if (member.GetCustomAttribute<SchemaFormatAttribute>() is { } format)
        {
            schema["format"] = format.Format;
        }

        if (member.GetCustomAttribute<ListMapKeysAttribute>() is { } listMap)
        {
            schema["x-kubernetes-list-type"] = "map";
            schema["x-kubernetes-list-map-keys"] = listMap.Keys.ToList();
        }
        else if (schema.TryGetValue("type", out var type) && "array".Equals(type))
        {
            // As cert-manager's lists (controller-gen's default for them): replaced whole by server-side apply.
            schema["x-kubernetes-list-type"] = "atomic";
        }

        if (member.GetCustomAttribute<MaxItemsAttribute>() is { } maxItems)
        {
            schema["maxItems"] = maxItems.MaxItems;
        }

        if (member.GetCustomAttribute<OmitItemPropertiesAttribute>() is { } omit
            && schema["items"] is SortedDictionary<string, object> items
            && items["properties"] is SortedDictionary<string, object> itemProperties)
        {
            foreach (var name in omit.Names)
            {
                itemProperties.Remove(name);
            }
        }

        if (CrdWellKnownFields.EnumValues(owner, property.Name) is { } knownValues)
        {
            schema["enum"] = knownValues.ToList();
        }

        return schema;
    }

    /// <summary>The schema of a value; for a list, constraints on scalars apply to its items.</summary>
    private SortedDictionary<string, object> ForValue(Type type, MemberInfo member)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (member.IsDefined(typeof(PreserveUnknownFieldsAttribute)))
        {
            return Node("x-kubernetes-preserve-unknown-fields", true);
        }

        if (type == typeof(JsonElement) && member.IsDefined(typeof(QuantityAttribute)))
        {
            var quantity = Node("x-kubernetes-int-or-string", true, "pattern", QuantityAttribute.Pattern);
            quantity["anyOf"] = new List<object> { Node("type", "integer"), Node("type", "string") };
            return quantity;
        }

        var info = options.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Object => ForObject(info),
            JsonTypeInfoKind.Dictionary => Node("type", "object", "additionalProperties", ForValue(info.ElementType!, member)),
            JsonTypeInfoKind.Enumerable => Node("type", "array", "items", ForValue(info.ElementType!, member)),
            _ => ForScalar(type, member),
        };
    }

    private static SortedDictionary<string, object> ForScalar(Type type, MemberInfo member)
    {
        var schema = type switch
        {
            _ when type == typeof(string) => Node("type", "string"),
            _ when type == typeof(bool) => Node("type", "boolean"),
            _ when type == typeof(int) && member.IsDefined(typeof(UnsizedIntegerAttribute)) => Node("type", "integer"),
            _ when type == typeof(int) => Node("type", "integer", "format", "int32"),
            _ when type == typeof(long) => Node("type", "integer", "format", "int64"),
            _ when type == typeof(DateTimeOffset) => Node("type", "string", "format", "date-time"),
            _ => throw new NotSupportedException($"{member.DeclaringType?.Name}.{member.Name}: no schema mapping for {type.Name}."),
        };
        if (member.GetCustomAttribute<EnumValuesAttribute>() is { } values)
        {
            schema["enum"] = values.Values.ToList();
        }

        if (member.GetCustomAttribute<PatternAttribute>() is { } pattern)
        {
            schema["pattern"] = pattern.Pattern;
        }

        if (member.GetCustomAttribute<MinLengthAttribute>() is { } minLength)
        {
            schema["minLength"] = minLength.MinLength;
        }

        if (member.GetCustomAttribute<MaxLengthAttribute>() is { } maxLength)
        {
            schema["maxLength"] = maxLength.MaxLength;
        }

        if (member.GetCustomAttribute<MinimumAttribute>() is { } minimum)
        {
            schema["minimum"] = minimum.Minimum;
        }

        if (member.GetCustomAttribute<MaximumAttribute>() is { } maximum)
        {
            schema["maximum"] = maximum.Maximum;
        }

        return schema;
    }

    private static string? DescriptionOf(Type type) => type.GetCustomAttribute<DescriptionAttribute>()?.Description;

    private static InvalidOperationException MissingDescription(string name) =>
        new($"{name} needs a [Description]: it becomes the text `kubectl explain` shows.");

    private static SortedDictionary<string, object> Node(string key, object value) =>
        new(StringComparer.Ordinal) { [key] = value };

    private static SortedDictionary<string, object> Node(string key1, object value1, string key2, object value2) =>
        new(StringComparer.Ordinal) { [key1] = value1, [key2] = value2 };
}
