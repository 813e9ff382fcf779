namespace CertOperator.TestApiServer.Tests.Infrastructure;

/// <summary>One in-process server per test class, with the Widget CRD (sample 00) installed at start.</summary>
public class ServerFixture : IAsyncLifetime
{
    private KubeApiServer? _server;

    public KubeApiServer Server => _server ?? throw new InvalidOperationException("not started");

    public ApiClient Api { get; private set; } = null!;

    public static string TestDataDirectory => Path.Combine(AppContext.BaseDirectory, "TestData");

    protected virtual KubeApiServerOptions Options() => new()
    {
        CrdDirectory = TestDataDirectory,
        BookmarkInterval = TimeSpan.FromMilliseconds(300),
    };

    public async Task InitializeAsync()
    {
        _server = await KubeApiServer.StartAsync(Options());
        Api = new ApiClient(_server.CreateHttpClient());
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>A server with a tiny watch history so "too old" is easy to reach.</summary>
public sealed class SmallHistoryServerFixture : ServerFixture
{
    protected override KubeApiServerOptions Options() => new()
    {
        CrdDirectory = TestDataDirectory,
        WatchHistoryWindow = 5,
    };
}
