using System.Diagnostics;
using System.Text;
using CertOperator.Crds.Issuers;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Model;
using Xunit.Abstractions;

namespace CertOperator.Tests.EndToEnd;

/// <summary>
/// One Issuer whose ACME server accepts connections and never answers: it must end in Ready=False naming the
/// server within the request timeout, and must not hold up the Issuers created after it.
/// </summary>
public sealed class IssuerIsolationTests(OperatorEnvironment env, ITestOutputHelper output) : IClassFixture<OperatorEnvironment>
{
    private const int SelfSignedCount = 20;
    private static readonly TimeSpan AcmeRequestTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_ACME_server_that_never_answers_fails_its_Issuer_and_delays_no_other_Issuer()
    {
        using var client = new KubernetesClient(
            KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [env.Kubeconfig] }), new KubernetesClientOptions { Qps = 1000, Burst = 1000 });
        foreach (var ns in new[] { "warm-up", "baseline", "tarpit" })
        {
            await env.ApplyAsync(Manifests.Namespace(ns));
        }

        await ReadyTimesAsync(client, "warm-up", 1);
        var baseline = await ReadyTimesAsync(client, "baseline", SelfSignedCount);

        await using var tarpit = new TarpitServer();
        var sinceAcmeIssuer = Stopwatch.StartNew();
        await env.ApplyAsync(Manifests.AcmeIssuer("stuck", "tarpit", tarpit.DirectoryUrl));
        var besideTarpit = await ReadyTimesAsync(client, "tarpit", SelfSignedCount);
        var stuckWhenOthersReady = ReadyCondition(await client.GetAsync<Issuer>("tarpit", "stuck"));
        var stuck = await env.EventuallyAsync(
            async () => ReadyCondition(await client.GetAsync<Issuer>("tarpit", "stuck")),
            c => c is not null,
            AcmeRequestTimeout + TimeSpan.FromSeconds(30),
            "a Ready condition on the Issuer whose ACME server never answers");
        var toCondition = sinceAcmeIssuer.Elapsed;

        output.WriteLine($"SelfSigned Issuers Ready without the tarpit: {Describe(baseline)}");
        output.WriteLine($"SelfSigned Issuers Ready beside the tarpit:  {Describe(besideTarpit)}");
        output.WriteLine($"tarpit Issuer's condition after {toCondition.TotalSeconds:0.0}s: {stuck!.Reason}: {stuck.Message}");

        stuck.Status.Should().Be(Conditions.False);
        stuck.Reason.Should().Be("ErrRegisterACMEAccount");
        stuck.Message.Should().Be($"Failed to register ACME account: the ACME server {tarpit.DirectoryUrl} did not answer within 15s");
        toCondition.Should().BeGreaterThan(AcmeRequestTimeout, "the condition reports the timeout, so it cannot come earlier")
            .And.BeLessThan(AcmeRequestTimeout + TimeSpan.FromSeconds(5), "one request timeout, not several retries of it");
        tarpit.Connections.Should().BeGreaterThan(0, "the operator did try the server");
        var accountKey = Encoding.ASCII.GetString(Convert.FromBase64String((await env.GetJsonAsync("secret", "stuck-account-key", "tarpit"))["data"]!["tls.key"]!.GetValue<string>()));
        foreach (var line in accountKey.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            env.Operator.Output.Should().NotContain(line, "the account key never reaches the log");
        }

        for (var i = 0; i < SelfSignedCount; i++)
        {
            besideTarpit[i].Should().BeLessThan(baseline[i] + TimeSpan.FromSeconds(2),
                $"the {i + 1}th SelfSigned Issuer to be Ready is not held up by the tarpit (without it: {Describe(baseline)}; beside it: {Describe(besideTarpit)})");
        }

        stuckWhenOthersReady.Should().BeNull("all the SelfSigned Issuers were Ready while the ACME Issuer was still waiting for its server");
    }

    /// <summary>
    /// Applies <paramref name="count"/> SelfSigned Issuers in one kubectl call and returns, sorted, how long after the
    /// apply started each was first seen Ready (polled every 50 ms, during the apply too).
    /// </summary>
    private async Task<TimeSpan[]> ReadyTimesAsync(KubernetesClient client, string ns, int count)
    {
        var manifests = string.Join("\n---\n", Enumerable.Range(1, count).Select(i => Manifests.SelfSignedIssuer($"selfsigned-{i}", ns)));
        var since = Stopwatch.StartNew();
        var watching = WatchReadyAsync(client, ns, count, since);
        await env.ApplyAsync(manifests);
        return await watching;
    }

    private async Task<TimeSpan[]> WatchReadyAsync(KubernetesClient client, string ns, int count, Stopwatch since)
    {
        var ready = new Dictionary<string, TimeSpan>();
        while (ready.Count < count)
        {
            foreach (var issuer in (await client.ListAsync<Issuer>(ns)).Items)
            {
                if (issuer.Metadata.Name!.StartsWith("selfsigned-", StringComparison.Ordinal) && ReadyCondition(issuer)?.Status == Conditions.True)
                {
                    ready.TryAdd(issuer.Metadata.Name, since.Elapsed);
                }
            }

            if (since.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"{ready.Count} of {count} SelfSigned Issuers in {ns} were Ready after 60s\n--- operator log ---\n{env.Operator.Output}");
            }

            await Task.Delay(50);
        }

        return [.. ready.Values.Order()];
    }

    private static Condition? ReadyCondition(Issuer issuer) => issuer.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");

    private static string Describe(TimeSpan[] times) =>
        $"first {times[0].TotalSeconds:0.00}s, median {times[times.Length / 2].TotalSeconds:0.00}s, last {times[^1].TotalSeconds:0.00}s";
}
