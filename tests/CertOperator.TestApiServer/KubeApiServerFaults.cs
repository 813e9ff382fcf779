using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Api;

namespace CertOperator.TestApiServer;

/// <summary>Failure injection for tests: dropped watches, failing requests, slow responses.</summary>
public sealed class KubeApiServerFaults
{
    private readonly Lock _gate = new();
    private readonly Action _dropWatches;
    private int _failuresLeft;
    private int _failureStatus;
    private TimeSpan? _retryAfter;

    internal KubeApiServerFaults(Action dropWatches) => _dropWatches = dropWatches;

    /// <summary>Delay added before every response (including watch starts).</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Ends every open watch stream cleanly, as an apiserver restart or load balancer would.</summary>
    public void DropAllWatches() => _dropWatches();

    /// <summary>
    /// The next <paramref name="count"/> requests fail with <paramref name="statusCode"/> and a Status body;
    /// <paramref name="retryAfter"/> adds a Retry-After header (and details.retryAfterSeconds).
    /// </summary>
    public void FailNextRequests(int count, int statusCode, TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            _failuresLeft = count;
            _failureStatus = statusCode;
            _retryAfter = retryAfter;
        }
    }

    internal ApiException? TakeFailure()
    {
        lock (_gate)
        {
            if (_failuresLeft <= 0)
            {
                return null;
            }

            _failuresLeft--;
            var (reason, message) = _failureStatus switch
            {
                429 => ("TooManyRequests", "Too many requests, please try again later."),
                500 => ("InternalError", "Internal error occurred: injected fault"),
                503 => ("ServiceUnavailable", "The server is currently unable to handle the request"),
                504 => ("Timeout", "The server was unable to return a response in the time allotted"),
                _ => ("Unknown", "injected fault"),
            };
            var details = _retryAfter is { } after ? new JsonObject { ["retryAfterSeconds"] = (int)Math.Ceiling(after.TotalSeconds) } : null;
            return new ApiException(_failureStatus, reason, message, details) { RetryAfter = _retryAfter };
        }
    }
}
