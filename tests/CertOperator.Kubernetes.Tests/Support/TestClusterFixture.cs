using CertOperator.Testing;

namespace CertOperator.Kubernetes.Tests.Support;

/// <summary>One server shared by a test class.</summary>
public sealed class TestClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await TestCluster.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
