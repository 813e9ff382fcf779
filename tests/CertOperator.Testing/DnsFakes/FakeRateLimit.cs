namespace CertOperator.Testing.DnsFakes;

/// <summary>Makes a fake answer its rate-limit refusal to the next N requests.</summary>
public sealed class FakeRateLimit
{
    private int _remaining;

    /// <summary>How long the refusal asks the client to wait.</summary>
    public TimeSpan RetryAfter { get; private set; } = TimeSpan.FromSeconds(1);

    public void RefuseNext(int requests, TimeSpan retryAfter)
    {
        RetryAfter = retryAfter;
        Interlocked.Exchange(ref _remaining, requests);
    }

    /// <summary>True when this request is to be refused.</summary>
    public bool Take()
    {
        while (true)
        {
            var current = Volatile.Read(ref _remaining);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _remaining, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
