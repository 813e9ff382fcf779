using System.Diagnostics;
using System.Text;
using CertOperator.Testing.RealKube;
using Xunit.Abstractions;

namespace CertOperator.Tests.EndToEnd;

/// <summary>
/// Five controllers write one Certificate's status. When each PUT the whole status, the real server counted
/// 118 HTTP 409s for ~50 issuances; each now server-side-applies only the fields it owns.
/// </summary>
public sealed class KubeApiServerStatusConflictTests(RealOperatorEnvironment env, ITestOutputHelper output) : IClassFixture<RealOperatorEnvironment>
{
    private const int Certificates = 200;

    [Fact]
    public async Task Two_hundred_issuances_cause_no_conflicts_on_certificate_status()
    {
        await env.ApplyAsync(Manifests.SelfSignedClusterIssuer("selfsigned"));
        await env.ApplyAsync(Manifests.CaCertificate("conflict-root", OperatorEnvironment.ClusterResourceNamespace, "selfsigned"));
        await env.WaitForConditionAsync("certificate", "conflict-root", OperatorEnvironment.ClusterResourceNamespace);
        await env.ApplyAsync(Manifests.CaIssuer("ClusterIssuer", "conflict-ca", "conflict-root"));
        await env.WaitForConditionAsync("clusterissuer", "conflict-ca", "");
        await env.ApplyAsync(Manifests.Namespace("many"));
        var conflictsBefore = await ConflictsAsync();
        var appliesBefore = await env.Server.CountRequestsAsync(new ApiRequestFilter { Verb = "APPLY", Resource = "certificates", Subresource = "status" }, CancellationToken.None);

        var yaml = new StringBuilder();
        for (var i = 0; i < Certificates; i++)
        {
            yaml.AppendLine("---").Append(Manifests.Certificate($"c{i}", "many", "ClusterIssuer", "conflict-ca", [$"c{i}.example.com"]));
        }

        var clock = Stopwatch.StartNew();
        await env.ApplyAsync(yaml.ToString());
        await env.EventuallyAsync(
            async () => (await env.KubectlAsync("get", "certificates", "-n", "many", "-o", "jsonpath={.items[*].status.conditions[?(@.type==\"Ready\")].status}"))
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(s => s == "True"),
            ready => ready == Certificates,
            TimeSpan.FromMinutes(5),
            $"all {Certificates} certificates Ready");
        var elapsed = clock.Elapsed;

        var conflicts = await ConflictsAsync() - conflictsBefore;
        var applies = await env.Server.CountRequestsAsync(new ApiRequestFilter { Verb = "APPLY", Resource = "certificates", Subresource = "status" }, CancellationToken.None) - appliesBefore;
        output.WriteLine($"{Certificates} certificates Ready in {elapsed.TotalSeconds:0.0} s; certificates/status: {conflicts} HTTP 409, {applies} applies");
        conflicts.Should().BeLessThanOrEqualTo(2, "controllers write disjoint status fields with server-side apply");
        env.ForbiddenLogLines().Should().BeEmpty();
    }

    private Task<long> ConflictsAsync() =>
        env.Server.CountRequestsAsync(new ApiRequestFilter { Resource = "certificates", Subresource = "status", Code = "409" }, CancellationToken.None);
}
