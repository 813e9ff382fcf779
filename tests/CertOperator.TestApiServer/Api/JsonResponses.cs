using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CertOperator.TestApiServer.Api;

/// <summary>Writes JSON bodies; lists stream stored nodes straight into the writer without copying them.</summary>
internal static class JsonResponses
{
    public static async Task WriteAsync(HttpContext http, int status, JsonNode body, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body.WriteTo(writer);
        }

        await WriteBytesAsync(http, status, buffer.WrittenMemory, ct);
    }

    public static async Task WriteListAsync(HttpContext http, string apiVersion, string kind, JsonObject listMeta, IEnumerable<JsonNode> items, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("apiVersion", apiVersion);
            writer.WriteString("kind", kind);
            writer.WritePropertyName("metadata");
            listMeta.WriteTo(writer);
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                item.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        await WriteBytesAsync(http, 200, buffer.WrittenMemory, ct);
    }

    private static async Task WriteBytesAsync(HttpContext http, int status, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, ct);
    }
}
