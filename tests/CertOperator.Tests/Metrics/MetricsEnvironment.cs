using CertOperator.Testing;
using CertOperator.Testing.Processes;
using CertOperator.Tests.EndToEnd;

namespace CertOperator.Tests.Metrics;

/// <summary>The end-to-end environment with the operator's /metrics listening on a free loopback port.</summary>
public sealed class MetricsEnvironment : OperatorEnvironment
{
    public MetricsEnvironment()
    {
        Port = FreePort.Next();
        MetricsListenAddress = $"127.0.0.1:{Port}";
    }

    public int Port { get; }

    public async Task<string> ScrapeTextAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{Port}/metrics"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    internal async Task<IReadOnlyList<Sample>> ScrapeAsync() => PrometheusText.Parse(await ScrapeTextAsync(), out _);

    /// <summary>Scrapes until <paramref name="done"/> holds (caches and counters trail the API by a moment).</summary>
    internal async Task<IReadOnlyList<Sample>> ScrapeUntilAsync(Func<IReadOnlyList<Sample>, bool> done, string what) =>
        await EventuallyAsync(ScrapeAsync, done, TimeSpan.FromSeconds(30), what);
}
