using System.Threading.Channels;

namespace CertOperator.TestApiServer.Storage;

/// <summary>A live subscription: events for one storage key (optionally one namespace) are queued in commit order.</summary>
internal sealed class Watcher(string storageKey, string? ns)
{
    private readonly Channel<WatchEvent> _channel = Channel.CreateUnbounded<WatchEvent>();

    public ChannelReader<WatchEvent> Reader => _channel.Reader;

    public bool Matches(WatchEvent e) =>
        e.StorageKey == storageKey && (ns is null || Json.JsonNodes.Namespace(e.Object) == ns);

    public void Publish(WatchEvent e) => _channel.Writer.TryWrite(e);

    public void Close() => _channel.Writer.TryComplete();
}
