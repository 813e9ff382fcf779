using CertOperator.Testing.DnsFakes;
using CertOperator.Testing.DnsFakes.Webhook;

namespace CertOperator.Tests.EndToEnd.DnsProviders;

/// <summary>
/// `dns01.webhook` end to end: the operator POSTs ChallengePayloads to the API server, whose aggregator proxy forwards
/// them (APIService → ExternalName Service → HTTPS checked against caBundle) to our test solver, which writes into bind9.
/// </summary>
public sealed class WebhookEndToEndTests(WebhookEndToEndTests.Environment env) : IClassFixture<WebhookEndToEndTests.Environment>
{
    private const string Group = "acme.test-solver.example";

    [Fact]
    public async Task A_wildcard_certificate_becomes_ready_through_the_webhook_solver()
    {
        await SetUpAsync("hook-ok", "bind");

        using var secret = await env.IssueWildcardAsync("wild", "hook-ok", "webhook", "hook.example.test");

        secret.DnsNames.Should().BeEquivalentTo("hook.example.test", "*.hook.example.test");
        // CleanUp is idempotent by the webhook contract and may be repeated (e.g. again by the finalizer when the cache
        // still shows the record presented); what counts is that each challenge's own key was cleaned up.
        await env.Cluster.EventuallyAsync(() => Task.FromResult(env.Solver.Received
                .Where(r => (string?)r["action"] == "CleanUp" && (string?)r["resourceNamespace"] == "hook-ok").Select(r => (string?)r["key"]).Distinct().Count()),
            n => n == 2, TimeSpan.FromSeconds(30), "both challenges to be cleaned up through the webhook");
        (await env.Zone.ValuesAsync("_acme-challenge.hook.example.test", CancellationToken.None)).Should().BeEmpty();
        var present = env.Solver.Received.First(r => (string?)r["action"] == "Present" && (string?)r["resourceNamespace"] == "hook-ok");
        ((string?)present["resolvedFQDN"]).Should().Be("_acme-challenge.hook.example.test.");
        ((string?)present["resolvedZone"]).Should().Be("example.test.");
        ((string?)present["dnsName"]).Should().Be("hook.example.test");
        present["config"]!.ToJsonString().Should().Be("""{"ttl":60}""");
    }

    [Fact]
    public async Task A_solver_name_the_webhook_does_not_serve_shows_on_the_challenge_and_the_certificate()
    {
        await SetUpAsync("hook-absent", "absent");

        await env.ApplyWildcardAsync("wild", "hook-absent", "webhook", "absent.example.test");

        (await env.WaitForChallengeReasonAsync("hook-absent", "does not serve it")).Should()
            .Contain($"webhook solver {Group}/absent: the API server does not serve it");
        await env.Cluster.EventuallyAsync(() => env.ReadyMessageAsync("wild", "hook-absent"), m => m.Contains("does not serve it", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the Certificate's Ready message to carry the webhook's refusal");
    }

    [Fact]
    public async Task A_group_without_an_apiservice_asks_whether_the_webhook_is_installed()
    {
        await env.Cluster.ApplyAsync(Manifests.Namespace("hook-missing"));
        await env.ApplyIssuerAsync("webhook", "hook-missing", """
            webhook:
              groupName: acme.not-installed.example
              solverName: bind
            """);

        await env.ApplyWildcardAsync("wild", "hook-missing", "webhook", "missing.example.test");

        (await env.WaitForChallengeReasonAsync("hook-missing", "is the webhook installed")).Should()
            .Contain("an APIService v1alpha1.acme.not-installed.example that is Available");
    }

    private async Task SetUpAsync(string ns, string solverName)
    {
        await env.Cluster.ApplyAsync(env.Solver.Manifests());
        await env.Cluster.ApplyAsync(Manifests.Namespace(ns));
        await env.ApplyIssuerAsync("webhook", ns, $"""
            webhook:
              groupName: {Group}
              solverName: {solverName}
              config:
                ttl: 60
            """);
    }

    public sealed class Environment : DnsProviderEnvironment
    {
        public TestWebhookSolver Solver { get; private set; } = null!;

        protected override async Task<IReadOnlyList<string>> StartFakesAsync(BindTxtZone zone, CancellationToken ct)
        {
            Solver = await new TestWebhookSolver(Group, "bind", [zone.Zone], TxtMirror.Into(zone), serviceNamespace: OperatorEnvironment.ClusterResourceNamespace).StartAsync(ct);
            return [];
        }

        protected override async ValueTask StopFakesAsync()
        {
            if (Solver is not null)
            {
                await Solver.DisposeAsync();
            }
        }
    }
}
