using System.Text;
using System.Text.Json.Nodes;

namespace CertOperator.TestApiServer.Json;

/// <summary>
/// Decodes the Kubernetes protobuf envelope ("k8s\0" + runtime.Unknown) for the few kinds kubectl's
/// typed create commands send as protobuf (Secret, ConfigMap, Namespace). Other kinds are not known.
/// </summary>
internal static class KubeProtobuf
{
    private enum Kind { String, Bytes, Int64, Bool, Message, StringMap, BytesMap, RepeatedString, RepeatedMessage }

    private sealed record Field(string Name, Kind Kind, Dictionary<int, Field>? Schema = null);

    private static readonly Dictionary<int, Field> OwnerReference = new()
    {
        [1] = new("kind", Kind.String), [3] = new("name", Kind.String), [4] = new("uid", Kind.String),
        [5] = new("apiVersion", Kind.String), [6] = new("controller", Kind.Bool), [7] = new("blockOwnerDeletion", Kind.Bool),
    };

    private static readonly Dictionary<int, Field> ObjectMeta = new()
    {
        [1] = new("name", Kind.String), [2] = new("generateName", Kind.String), [3] = new("namespace", Kind.String),
        [5] = new("uid", Kind.String), [6] = new("resourceVersion", Kind.String), [7] = new("generation", Kind.Int64),
        [11] = new("labels", Kind.StringMap), [12] = new("annotations", Kind.StringMap),
        [13] = new("ownerReferences", Kind.RepeatedMessage, OwnerReference), [14] = new("finalizers", Kind.RepeatedString),
    };

    private static readonly Dictionary<string, Dictionary<int, Field>> Kinds = new(StringComparer.Ordinal)
    {
        ["Secret"] = new()
        {
            [1] = new("metadata", Kind.Message, ObjectMeta), [2] = new("data", Kind.BytesMap), [3] = new("type", Kind.String),
            [4] = new("stringData", Kind.StringMap), [5] = new("immutable", Kind.Bool),
        },
        ["ConfigMap"] = new()
        {
            [1] = new("metadata", Kind.Message, ObjectMeta), [2] = new("data", Kind.StringMap), [3] = new("binaryData", Kind.BytesMap), [4] = new("immutable", Kind.Bool),
        },
        ["Namespace"] = new()
        {
            [1] = new("metadata", Kind.Message, ObjectMeta),
            [2] = new("spec", Kind.Message, new Dictionary<int, Field> { [1] = new("finalizers", Kind.RepeatedString) }),
        },
    };

    private static readonly Dictionary<int, Field> TypeMeta = new() { [1] = new("apiVersion", Kind.String), [2] = new("kind", Kind.String) };

    /// <summary>Returns the decoded object, or null when the payload is not a kind this decoder knows.</summary>
    public static JsonObject? Decode(byte[] body)
    {
        if (body.Length < 4 || !body.AsSpan(0, 4).SequenceEqual("k8s\0"u8))
        {
            return null;
        }

        var envelope = body.AsMemory(4);
        JsonObject? typeMeta = null;
        ReadOnlyMemory<byte> raw = default;
        foreach (var (number, _, value) in Fields(envelope))
        {
            if (number == 1)
            {
                typeMeta = Message(value, TypeMeta);
            }
            else if (number == 2)
            {
                raw = value;
            }
        }

        if (typeMeta is null || JsonNodes.Str(typeMeta, "kind") is not { } kind || !Kinds.TryGetValue(kind, out var schema))
        {
            return null;
        }

        var obj = new JsonObject { ["apiVersion"] = JsonNodes.Str(typeMeta, "apiVersion"), ["kind"] = kind };
        foreach (var (key, node) in Message(raw, schema))
        {
            obj[key] = node?.DeepClone();
        }

        return obj;
    }

    private static JsonObject Message(ReadOnlyMemory<byte> bytes, Dictionary<int, Field> schema)
    {
        var obj = new JsonObject();
        foreach (var (number, varint, value) in Fields(bytes))
        {
            if (!schema.TryGetValue(number, out var field))
            {
                continue;
            }

            switch (field.Kind)
            {
                case Kind.String:
                    obj[field.Name] = Encoding.UTF8.GetString(value.Span);
                    break;
                case Kind.Bytes:
                    obj[field.Name] = Convert.ToBase64String(value.Span);
                    break;
                case Kind.Int64:
                    obj[field.Name] = (long)varint;
                    break;
                case Kind.Bool:
                    obj[field.Name] = varint != 0;
                    break;
                case Kind.Message:
                    obj[field.Name] = Message(value, field.Schema!);
                    break;
                case Kind.StringMap or Kind.BytesMap:
                    var map = obj[field.Name] as JsonObject ?? [];
                    obj[field.Name] = map;
                    var entry = Fields(value).ToList();
                    var key = entry.Where(f => f.Number == 1).Select(f => Encoding.UTF8.GetString(f.Value.Span)).FirstOrDefault() ?? "";
                    var entryValue = entry.Where(f => f.Number == 2).Select(f => f.Value).FirstOrDefault();
                    map[key] = field.Kind == Kind.StringMap ? Encoding.UTF8.GetString(entryValue.Span) : Convert.ToBase64String(entryValue.Span);
                    break;
                case Kind.RepeatedString or Kind.RepeatedMessage:
                    var list = obj[field.Name] as JsonArray ?? [];
                    obj[field.Name] = list;
                    list.Add(field.Kind == Kind.RepeatedString ? JsonValue.Create(Encoding.UTF8.GetString(value.Span)) : Message(value, field.Schema!));
                    break;
            }
        }

        return obj;
    }

    private static List<(int Number, ulong Varint, ReadOnlyMemory<byte> Value)> Fields(ReadOnlyMemory<byte> bytes)
    {
        var fields = new List<(int, ulong, ReadOnlyMemory<byte>)>();
        var span = bytes.Span;
        var i = 0;
        while (i < span.Length)
        {
            var tag = ReadVarint(span, ref i);
            var number = (int)(tag >> 3);
            switch (tag & 7)
            {
                case 0:
                    fields.Add((number, ReadVarint(span, ref i), default));
                    break;
                case 1:
                    i += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(span, ref i);
                    fields.Add((number, 0, bytes.Slice(i, length)));
                    i += length;
                    break;
                case 5:
                    i += 4;
                    break;
                default:
                    throw new FormatException("unsupported protobuf wire type");
            }
        }

        return fields;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int i)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = span[i++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new FormatException("malformed protobuf varint");
    }
}
