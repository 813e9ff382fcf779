using CertOperator.TestApiServer.Model;

namespace CertOperator.TestApiServer.Api;

/// <summary>A request path resolved to a served resource.</summary>
internal sealed record ResourceRequest(ResourceType Type, string? Namespace, string? Name, string? Subresource, bool WatchPath);

/// <summary>Resolves /api/v1/... and /apis/{group}/{version}/... paths against the registry.</summary>
internal static class ResourcePath
{
    public static ResourceRequest? Resolve(ResourceRegistry registry, string groupVersion, string[] rest)
    {
        var segments = rest.AsSpan();
        var watch = segments.Length > 0 && segments[0] == "watch";
        if (watch)
        {
            segments = segments[1..];
        }

        if (segments.Length >= 3 && segments[0] == "namespaces" && registry.Find(groupVersion, segments[2]) is { Namespaced: true } namespacedType)
        {
            var ns = segments[1];
            return new ResourceRequest(namespacedType, ns, At(segments, 3), At(segments, 4), watch);
        }

        if (segments.Length == 0 || registry.Find(groupVersion, segments[0]) is not { } type)
        {
            return null;
        }

        return new ResourceRequest(type, null, At(segments, 1), At(segments, 2), watch);
    }

    private static string? At(ReadOnlySpan<string> segments, int index) => index < segments.Length ? segments[index] : null;
}
