using System.Diagnostics;
using System.Text;
using CertOperator.Testing.RealKube;
using Xunit.Abstractions;

namespace CertOperator.Tests.EndToEnd;

/// <summary>
/// Five controllers write one Certificate's status. When each PUT the whole status, the real server counted
/// 118 HTTP 409s for ~50 issuances; each now server-side-applies only the fields it owns. The one 409 that remains
/// by design is the issuance end's single apply guarded by the resourceVersion it read: refused when another write
/// came first, it falls back to two unguarded applies, so it can happen at most once per issuance.
/// </summary>
public sealed class KubeApiServerStatusConflictTests(RealOperatorEnvironment env, ITestOutputHelper output) : IClassFixture<RealOperatorEnvironment>
{
    private const int Certificates = 200;

    [Fact]
    public async Task Two_hundred_issuances_cause_no_conflicts_on_certificate_status_beyond_one_guarded_apply_each()
    {
        await env.ApplyAsync(Manifests.SelfSignedClusterIssuer("selfsigned"));
        await env.ApplyAsync(Manifests.CaCertificate("conflict-root", OperatorEnvironment.ClusterResourceNamespace, "selfsigned"));
        await env.WaitForConditionAsync("certificate", "conflict-root", OperatorEnvironment.ClusterResourceNamespace);
        await env.ApplyAsync(Manifests.CaIssuer("ClusterIssuer", "conflict-ca", "conflict-root"));
        await env.WaitForConditionAsync("clusterissuer", "conflict-ca", "");
        await env.ApplyAsync(Manifests.Namespace("many"));
        var conflictsBefore = await ConflictsAsync(guardedApplies: false);
        var guardedBefore = await ConflictsAsync(guardedApplies: true);
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

        var conflicts = await ConflictsAsync(guardedApplies: false) - conflictsBefore;
        var guarded = await ConflictsAsync(guardedApplies: true) - guardedBefore;
        var applies = await env.Server.CountRequestsAsync(new ApiRequestFilter { Verb = "APPLY", Resource = "certificates", Subresource = "status" }, CancellationToken.None) - appliesBefore;
        output.WriteLine($"{Certificates} certificates Ready in {elapsed.TotalSeconds:0.0} s; certificates/status: {applies} applies, {guarded} of them refused with 409, {conflicts} other 409s");
        conflicts.Should().BeLessThanOrEqualTo(2, "controllers write disjoint status fields with server-side apply");
        guarded.Should().BeLessThanOrEqualTo(Certificates, "only the end of an issuance applies with a resourceVersion, once");
        env.ForbiddenLogLines().Should().BeEmpty();
    }

    /// <summary>409s on certificates/status: those of applies (only the guarded one can meet a 409), or of every other write.</summary>
    private async Task<long> ConflictsAsync(bool guardedApplies)
    {
        var applies = await env.Server.CountRequestsAsync(new ApiRequestFilter { Verb = "APPLY", Resource = "certificates", Subresource = "status", Code = "409" }, CancellationToken.None);
        if (guardedApplies)
        {
            return applies;
        }

        return await env.Server.CountRequestsAsync(new ApiRequestFilter { Resource = "certificates", Subresource = "status", Code = "409" }, CancellationToken.None) - applies;
    }
}
