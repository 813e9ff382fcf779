using System.Text;
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
/// one goes when its object is deleted unread (a Certificate deleted mid-issuance); and beyond <see cref="Capacity"/>
/// the oldest goes. In a burst the signing runs ahead of the issuing step: with a cap of 1,024, 10,000 Certificates
/// issued at once made 0.69 GETs per certificate (scale bench, test server), and none with this cap. An eviction only
/// costs the GET it would have saved. Payloads are kept as UTF-8 (base64 text: one byte a character), half the size
/// of strings: a few kilobytes each at the peak of such a burst (the 10,000 wave peaked 21 MiB higher than with the
/// old cap), and nothing once read.
/// </summary>
internal sealed class SignedPayloadMemo<T>(Func<T, SignedPayload?> remembered)
    where T : class, IKubernetesObject
{
    public const int Capacity = 16_384;

    private readonly VersionMemo<Packed> _memo = new(Capacity);

    /// <summary>How many payloads are waiting to be read.</summary>
    public int Count => _memo.Count;

    /// <summary>Sends a status write of the object at <paramref name="key"/> and remembers the payload the server returns with it.</summary>
    public Task<T> WriteAsync(ObjectKey key, Func<CancellationToken, Task<T>> send, CancellationToken ct) =>
        _memo.WriteAsync(key, send, written => Packed.Of(remembered(written)), ct);

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
        if (_memo.TryTake(key, trimmed.Metadata.ResourceVersion, out var packed))
        {
            return packed.Unpack();
        }

        _memo.Forget(key);
        return null;
    }

    /// <summary>Drops the payload of an object that is gone.</summary>
    public void Forget(ObjectKey key) => _memo.Forget(key);

    private sealed record Packed(byte[] Chain, byte[]? Ca)
    {
        public static Packed? Of(SignedPayload? payload) =>
            payload is null ? null : new(Encoding.UTF8.GetBytes(payload.Chain), payload.Ca is null ? null : Encoding.UTF8.GetBytes(payload.Ca));

        public SignedPayload Unpack() => new(Encoding.UTF8.GetString(Chain), Ca is null ? null : Encoding.UTF8.GetString(Ca));
    }
}
