using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Model;

namespace CertOperator.CertificateRequests;

/// <summary>
/// The signed payloads of <typeparamref name="T"/> objects (CertificateRequests, Orders) whose status this process has
/// just written, by the resourceVersion the server gave that write. Caches trim the payload of finished objects
/// (their <c>TrimForCache</c>), and the step that reads it next (issuing for a request, the request for its Order)
/// would otherwise GET the chain this process sent moments earlier. A payload is given only for exactly the version
/// written; anything else (another version, no entry after a restart) leaves the reader to its GET, so correctness
/// never depends on the memo. Entries cannot pile up: one goes when read; a read at another version drops it too,
/// since a finished object at another version than the write that finished it is newer and the entry can never match;
/// and beyond <see cref="Capacity"/> the oldest goes, for payloads nothing reads (a Certificate deleted mid-issuance).
/// Payloads are read moments after they are written, but in a burst the signing runs ahead of the issuing step: with a
/// cap of 128, 1,000 Certificates issued at once still made 0.64 GETs per certificate (scale bench, test server). An
/// eviction only costs the GET it would have saved; 1,024 payloads of a few kilobytes of PEM text each are a few
/// megabytes at the peak of such a burst, and nothing once it is read.
/// </summary>
internal sealed class SignedPayloadMemo<T>(Func<T, SignedPayload?> remembered)
    where T : class, IKubernetesObject
{
    public const int Capacity = 1024;

    private readonly VersionMemo<SignedPayload> _memo = new(Capacity);

    /// <summary>How many payloads are waiting to be read.</summary>
    public int Count => _memo.Count;

    /// <summary>Sends a status write of the object at <paramref name="key"/> and remembers the payload the server returns with it.</summary>
    public Task<T> WriteAsync(ObjectKey key, Func<CancellationToken, Task<T>> send, CancellationToken ct) =>
        _memo.WriteAsync(key, send, remembered, ct);

    /// <summary>
    /// The payload this process wrote for exactly the version of <paramref name="trimmed"/>, a cached copy without it;
    /// null when there is none, and the caller GETs the object. Either way the memo holds nothing for it afterwards.
    /// </summary>
    public async Task<SignedPayload?> TakeAsync(T trimmed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(trimmed);
        var key = ObjectKey.Of(trimmed);

        // The watch event of our write can outrun its response: wait for the response rather than GET what we sent.
        await _memo.WrittenAsync(key, ct);
        if (_memo.TryTake(key, trimmed.Metadata.ResourceVersion, out var payload))
        {
            return payload;
        }

        _memo.Forget(key);
        return null;
    }
}
