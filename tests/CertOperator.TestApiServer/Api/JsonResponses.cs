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

    /// <param name="nullWhenEmpty">Write <c>"items": null</c> for an empty list, as a real kube-apiserver does for PartialObjectMetadataList.</param>
    public static async Task WriteListAsync(HttpContext http, string apiVersion, string kind, JsonObject listMeta, IEnumerable<JsonNode> items, bool nullWhenEmpty, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("apiVersion", apiVersion);
            writer.WriteString("kind", kind);
            writer.WritePropertyName("metadata");
            listMeta.WriteTo(writer);
            var any = false;
            foreach (var item in items)
            {
                if (!any)
                {
                    writer.WriteStartArray("items");
                    any = true;
                }

                item.WriteTo(writer);
            }

            if (any)
            {
                writer.WriteEndArray();
            }
            else if (nullWhenEmpty)
            {
                writer.WriteNull("items");
            }
            else
            {
                writer.WriteStartArray("items");
                writer.WriteEndArray();
            }
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
