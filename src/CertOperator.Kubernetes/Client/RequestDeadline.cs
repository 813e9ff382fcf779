namespace CertOperator.Kubernetes.Client;

/// <summary>The caller's token combined with a timeout on the client's <see cref="TimeProvider"/>.</summary>
internal sealed class RequestDeadline : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;

    public RequestDeadline(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        _timeout = new CancellationTokenSource(timeout, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _timeout.Token);
    }

    public CancellationToken Token => _linked.Token;

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
