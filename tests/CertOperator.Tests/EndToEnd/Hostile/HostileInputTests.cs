using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace CertOperator.Tests.EndToEnd.Hostile;

/// <summary>
/// The whole hostile corpus applied at once with the operator running: every case must end exactly as it says
/// (refused at apply, or a condition or Warning event naming the field or conflict), no foreign Secret may change,
/// no key may reach the log, and a canary Certificate applied afterwards must still be Ready within seconds.
/// </summary>
public abstract class HostileInputTests<TEnvironment>(TEnvironment env, ITestOutputHelper output) : IClassFixture<TEnvironment>
    where TEnvironment : OperatorEnvironment
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    protected TEnvironment Env => env;

    [Fact]
    public async Task Every_bad_manifest_is_refused_or_reported_and_a_canary_still_issues()
    {
        await SetUpIssuersAsync();
        var cases = Corpus.All;
        cases.Should().HaveCountGreaterThanOrEqualTo(100).And.OnlyHaveUniqueItems(c => c.ToString());

        var refusals = await ApplyAsync(cases);
        var foreign = await ForeignSecretsAsync();

        var pending = cases.SelectMany(c => c.Expected.Where(o => o is not RejectedAtApply).Select(o => (Case: c, Outcome: o))).ToList();
        var started = DateTime.UtcNow;
        while (pending.Count > 0 && DateTime.UtcNow - started < Deadline)
        {
            var state = await ClusterState.ReadAsync(env);
            pending = pending.Where(p => !state.Satisfies(p.Outcome)).ToList();
            await Task.Delay(pending.Count > 0 ? 1000 : 0);
        }

        var final = await ClusterState.ReadAsync(env);
        var failures = refusals.Concat(pending.Select(p => $"{p.Case}: expected {p.Outcome}; found {final.Describe(p.Outcome)}")).ToList();
        Report(cases, failures, DateTime.UtcNow - started);
        failures.Should().BeEmpty();

        foreign.Should().NotBeEmpty();
        (await ForeignSecretsAsync()).Should().BeEquivalentTo(foreign, "no Secret that is not the operator's may be modified");
        await CanaryIssuesAsync();
        env.Operator.HasExited.Should().BeFalse("no manifest may crash the operator");
        env.OperatorLog.Should().NotContain("PRIVATE KEY").And.NotContain("hunter2");
    }

    private async Task SetUpIssuersAsync()
    {
        var ns = OperatorEnvironment.ClusterResourceNamespace;
        await env.ApplyAsync(Manifests.Namespace(Corpus.Namespace));
        await env.ApplyAsync(Manifests.SelfSignedClusterIssuer("corpus-selfsigned"));
        await env.ApplyAsync(Manifests.CaCertificate("corpus-ca-key", ns, "corpus-selfsigned"));
        await env.WaitForConditionAsync("certificate", "corpus-ca-key", ns);
        await env.ApplyAsync(Manifests.CaIssuer("ClusterIssuer", Corpus.CaIssuer, "corpus-ca-key"));
        await env.WaitForConditionAsync("clusterissuer", Corpus.CaIssuer, "");
    }

    /// <summary>Applies every case on its own (four at a time), so a failure names its case; returns what went differently than expected.</summary>
    private async Task<List<string>> ApplyAsync(IReadOnlyList<HostileCase> cases)
    {
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, _) =>
        {
            var attempt = await env.TryApplyAsync(item.Yaml);
            var expected = item.Expected.OfType<RejectedAtApply>().SingleOrDefault();
            if (expected is null && attempt.ExitCode != 0)
            {
                problems.Add($"{item}: kubectl apply failed: {attempt.StdErr.Trim()}");
            }
            else if (expected is not null && (attempt.ExitCode == 0 || !attempt.StdErr.Contains(expected.Fragment, StringComparison.Ordinal)))
            {
                problems.Add($"{item}: expected kubectl apply to fail naming \"{expected.Fragment}\"; exit {attempt.ExitCode}: {attempt.StdErr.Trim()}");
            }
        });
        return [.. problems.Order(StringComparer.Ordinal)];
    }

    /// <summary>name → resourceVersion of every Secret labelled foreign.</summary>
    private async Task<Dictionary<string, string>> ForeignSecretsAsync()
    {
        var list = JsonNode.Parse(await env.KubectlAsync("get", "secrets", "-A", "-l", Corpus.ForeignLabel, "-o", "json"))!;
        return list["items"]!.AsArray().ToDictionary(
            s => $"{s!["metadata"]!["namespace"]}/{s["metadata"]!["name"]}",
            s => s!["metadata"]!["resourceVersion"]!.GetValue<string>());
    }

    private async Task CanaryIssuesAsync()
    {
        var started = DateTime.UtcNow;
        await env.ApplyAsync(Manifests.Certificate("canary", Corpus.Namespace, "ClusterIssuer", Corpus.CaIssuer, ["canary.example.test"]));
        await env.WaitForConditionAsync("certificate", "canary", Corpus.Namespace, timeoutSeconds: 30);
        output.WriteLine($"canary Ready {(DateTime.UtcNow - started).TotalSeconds:0.0} s after it was applied");
    }

    private void Report(IReadOnlyList<HostileCase> cases, List<string> failures, TimeSpan settled)
    {
        output.WriteLine($"{cases.Count} cases settled in {settled.TotalSeconds:0.0} s; {failures.Count} not as expected");
        foreach (var group in cases.GroupBy(c => c.Class))
        {
            var outcomes = group.SelectMany(c => c.Expected).GroupBy(o => o.GetType().Name).Select(g => $"{g.Key} {g.Count()}");
            output.WriteLine($"  {group.Key}: {group.Count()} cases ({string.Join(", ", outcomes)})");
        }

        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }
    }
}
