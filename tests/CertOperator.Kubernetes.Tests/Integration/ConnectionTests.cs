using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Tests.Support;
using CertOperator.Testing;

namespace CertOperator.Kubernetes.Tests.Integration;

/// <summary>The client speaks HTTP/2 to a TLS API server, as client-go does: a watch and a burst of requests share one connection.</summary>
public sealed class ConnectionTests
{
    [Fact]
    public async Task A_watch_and_concurrent_requests_share_one_HTTP2_connection()
    {
        await using var cluster = await TestCluster.StartAsync();
        var client = cluster.Client;
        var ns = await cluster.NewNamespaceAsync();
        var list = await client.ListAllAsync<ConfigMap>(ns);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var seen = 0;
        var watching = Task.Run(async () =>
        {
            await foreach (var change in client.WatchAsync<ConfigMap>(ns, new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion }, cts.Token))
            {
                if (change.Type == WatchEventType.Added && ++seen == 32)
                {
                    return;
                }
            }
        });

        await Task.WhenAll(Enumerable.Range(0, 32).Select(i => client.CreateAsync(Gen.ConfigMap($"c{i}", ns))));
        await watching;

        var connections = cluster.Server.Requests.Connections();
        connections.Values.Should().Equal(["HTTP/2"], "32 creates in flight beside a watch are well under the server's 100 streams per connection");
    }
}
