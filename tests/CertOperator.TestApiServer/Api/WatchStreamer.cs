using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Selectors;
using CertOperator.TestApiServer.Storage;
using CertOperator.TestApiServer.Tables;
using Microsoft.AspNetCore.Http;

namespace CertOperator.TestApiServer.Api;

/// <summary>Streams watch events, one JSON object per line, flushed per batch (samples 28, 29).</summary>
internal sealed class WatchStreamer(ServerContext ctx, TimeSpan bookmarkInterval)
{
    public sealed record WatchRequest(ResourceRequest Target, ResponseFormat Format, LabelSelector Labels, FieldSelector Fields, string IncludeObject);

    public async Task StreamAsync(HttpContext http, WatchRequest request, CancellationToken ct)
    {
        var query = http.Request.Query;
        var rvText = query["resourceVersion"].ToString();
        long? from = null;
        if (rvText is not ("" or "0"))
        {
            from = long.TryParse(rvText, CultureInfo.InvariantCulture, out var rv) ? rv : throw ApiException.BadRequest($"invalid resource version: {rvText}");
        }

        var type = request.Target.Type;
        var subscription = ctx.Store.Subscribe(type.StorageKey, request.Target.Namespace, from);
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        await http.Response.StartAsync(ct);
        if (subscription is not { } sub)
        {
            var expired = StatusObjects.Failure(410, "Expired", $"too old resource version: {rvText} ({ctx.Store.OldestRetainedResourceVersion(type.StorageKey)})", null);
            await WriteLineAsync(http, "ERROR", expired, ct);
            return;
        }

        var timeout = int.TryParse(query["timeoutSeconds"], CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : Timeout.InfiniteTimeSpan;
        var deadline = timeout == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : DateTimeOffset.UtcNow + timeout;
        var bookmarks = query["allowWatchBookmarks"] == "true";
        var state = new StreamState();
        try
        {
            foreach (var e in sub.Backlog)
            {
                await WriteEventAsync(http, request, e, state, ct);
            }

            await http.Response.Body.FlushAsync(ct);
            await PumpAsync(http, request, sub.Watcher, state, deadline, bookmarks, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away or the server is stopping; nothing more to send.
        }
        finally
        {
            ctx.Store.Unsubscribe(sub.Watcher);
        }
    }

    private async Task PumpAsync(HttpContext http, WatchRequest request, Watcher watcher, StreamState state, DateTimeOffset deadline, bool bookmarks, CancellationToken ct)
    {
        while (true)
        {
            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            var wait = bookmarks && bookmarkInterval < remaining ? bookmarkInterval : remaining;
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (wait < TimeSpan.FromDays(1))
            {
                timer.CancelAfter(wait);
            }

            try
            {
                if (!await watcher.Reader.WaitToReadAsync(timer.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                if (bookmarks && DateTimeOffset.UtcNow < deadline && ctx.Store.BookmarkVersion(watcher) is { } rv)
                {
                    await WriteBookmarkAsync(http, request, rv, ct);
                }

                continue;
            }

            while (watcher.Reader.TryRead(out var e))
            {
                await WriteEventAsync(http, request, e, state, ct);
            }

            await http.Response.Body.FlushAsync(ct);
        }
    }

    private async Task WriteEventAsync(HttpContext http, WatchRequest request, WatchEvent e, StreamState state, CancellationToken ct)
    {
        var matchesNow = ResourceService.Matches(e.Object, request.Labels, request.Fields);
        var matchedBefore = e.Previous is not null && ResourceService.Matches(e.Previous, request.Labels, request.Fields);
        var type = e.Type switch
        {
            "MODIFIED" when matchesNow && !matchedBefore => "ADDED",
            "MODIFIED" when !matchesNow && matchedBefore => "DELETED",
            "MODIFIED" when !matchesNow => null,
            "ADDED" when !matchesNow => null,
            "DELETED" when !matchesNow && !matchedBefore => null,
            _ => e.Type,
        };
        if (type is null)
        {
            return;
        }

        var target = request.Target.Type;
        JsonNode shaped = request.Format switch
        {
            ResponseFormat.Metadata => PartialMetadata.Of(e.Object),
            ResponseFormat.Table => TableBuilder.Build(target, [e.Object], ctx.Clock.GetUtcNow(), request.IncludeObject, withColumns: !state.ColumnsSent),
            _ => ResourceService.View(target, e.Object),
        };
        state.ColumnsSent |= request.Format == ResponseFormat.Table;
        await WriteLineAsync(http, type, shaped, ct, flush: false);
    }

    private static Task WriteBookmarkAsync(HttpContext http, WatchRequest request, long rv, CancellationToken ct)
    {
        var type = request.Target.Type;
        var bookmark = new JsonObject
        {
            ["apiVersion"] = request.Format == ResponseFormat.Full ? type.GroupVersion : "meta.k8s.io/v1",
            ["kind"] = request.Format == ResponseFormat.Full ? type.Kind : request.Format == ResponseFormat.Table ? "Table" : "PartialObjectMetadata",
            ["metadata"] = new JsonObject { ["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture) },
        };
        return WriteLineAsync(http, "BOOKMARK", bookmark, ct);
    }

    private static async Task WriteLineAsync(HttpContext http, string type, JsonNode obj, CancellationToken ct, bool flush = true)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("object");
            obj.WriteTo(writer);
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, ct);
        if (flush)
        {
            await http.Response.Body.FlushAsync(ct);
        }
    }

    private sealed class StreamState
    {
        public bool ColumnsSent { get; set; }
    }
}
