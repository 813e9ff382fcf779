using System.Collections.Concurrent;

namespace CertOperator.TestApiServer;

/// <summary>
/// Counts requests by verb, resource (and subresource) and status code, like kube-apiserver's
/// apiserver_request_total, so tests and benchmarks can assert on the traffic an operator makes.
/// </summary>
public sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentDictionary<string, string> _connections = new();

    /// <summary>Counts so far, keyed "VERB resource[/subresource] CODE", e.g. "PUT leases 200" or "APPLY certificates/status 200".</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_counts);

    /// <summary>Requests matching <paramref name="filter"/> (a key prefix such as "PUT leases") since <paramref name="before"/>.</summary>
    public static int Delta(IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after, string filter = "") =>
        after.Where(kv => kv.Key.StartsWith(filter, StringComparison.Ordinal)).Sum(kv => kv.Value - before.GetValueOrDefault(kv.Key));

    /// <summary>The protocol ("HTTP/1.1", "HTTP/2") of every connection a request has come over so far, by connection id.</summary>
    public IReadOnlyDictionary<string, string> Connections() => new Dictionary<string, string>(_connections);

    internal void Connected(string connectionId, string protocol) => _connections.TryAdd(connectionId, protocol);

    internal void Record(string method, string contentType, bool watch, string path, int status)
    {
        var verb = method switch
        {
            "GET" when watch => "WATCH",
            "PATCH" when contentType.StartsWith("application/apply-patch", StringComparison.Ordinal) => "APPLY",
            _ => method,
        };
        _counts.AddOrUpdate($"{verb} {Resource(path)} {status}", 1, (_, n) => n + 1);
    }

    /// <summary>"/apis/g/v/namespaces/ns/certificates/c/status" → "certificates/status"; "/api/v1/secrets" → "secrets".</summary>
    private static string Resource(string path)
    {
        var segments = path.Trim('/').Split('/');
        var rest = segments switch
        {
            ["api", _, .. var tail] => tail,
            ["apis", _, _, .. var tail] => tail,
            _ => [],
        };
        if (rest is ["namespaces", _, _, ..])
        {
            rest = rest[2..];
        }

        return rest switch
        {
            [] => "discovery",
            [var resource, _, var sub, ..] => $"{resource}/{sub}",
            [var resource, ..] => resource,
        };
    }
}
