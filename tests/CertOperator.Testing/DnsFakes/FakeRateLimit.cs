namespace CertOperator.Testing.DnsFakes;

/// <summary>Makes a fake answer its rate-limit refusal to the next N requests (optionally only those whose path and query contain a text).</summary>
public sealed class FakeRateLimit
{
    private readonly Lock _gate = new();
    private int _remaining;
    private string? _pathContains;

    /// <summary>How long the refusal asks the client to wait.</summary>
    public TimeSpan RetryAfter { get; private set; } = TimeSpan.FromSeconds(1);

    public void RefuseNext(int requests, TimeSpan retryAfter, string? pathContains = null)
    {
        lock (_gate)
        {
            RetryAfter = retryAfter;
            _remaining = requests;
            _pathContains = pathContains;
        }
    }

    /// <summary>True when this request is to be refused.</summary>
    public bool Take(string pathAndQuery)
    {
        lock (_gate)
        {
            if (_remaining <= 0 || (_pathContains is not null && !pathAndQuery.Contains(_pathContains, StringComparison.Ordinal)))
            {
                return false;
            }

            _remaining--;
            return true;
        }
    }
}
