using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Client;

/// <summary>Turns one watch stream line <c>{"type":…,"object":{…}}</c> into a typed event; ERROR lines become exceptions.</summary>
internal static class WatchLineParser
{
    public static WatchEvent<T> Parse<T>(string line, JsonTypeInfo<T> typeInfo, string operation)
        where T : class
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (!root.TryGetProperty("type", out var typeElement) || !root.TryGetProperty("object", out var objectElement))
        {
            throw new KubernetesApiException($"{operation}: malformed watch event (no type or object)");
        }

        var type = typeElement.GetString() switch
        {
            "ADDED" => WatchEventType.Added,
            "MODIFIED" => WatchEventType.Modified,
            "DELETED" => WatchEventType.Deleted,
            "BOOKMARK" => WatchEventType.Bookmark,
            "ERROR" => WatchEventType.Error,
            var other => throw new KubernetesApiException($"{operation}: unknown watch event type '{other}'"),
        };
        if (type == WatchEventType.Error)
        {
            var status = objectElement.Deserialize(KubernetesJsonContext.Default.V1Status) ?? new V1Status();
            var code = (HttpStatusCode)(status.Code ?? 500);
            throw KubernetesApiException.From(code, status, operation);
        }

        var item = objectElement.Deserialize(typeInfo) ?? throw new KubernetesApiException($"{operation}: watch event without an object");
        return new WatchEvent<T>(type, item);
    }
}
