using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
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
        await CaIssuerAsync();
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

    /// <summary>
    /// `cmctl renew` sets Issuing=True with a merge patch, so its manager co-owns the condition from then on: ending that
    /// issuance takes the slow way (the server refuses to drop our half of the condition, so a read and a guarded PUT
    /// remove it), and the readiness manager's write for the new revision can land between that read and the PUT.
    /// Ten renewals at once make that likely.
    /// </summary>
    [Fact]
    public async Task Renewals_requested_through_a_merge_patch_end_with_no_Issuing_condition_and_their_event()
    {
        const int Renewals = 10;
        var names = Enumerable.Range(0, Renewals).Select(i => $"renewed-{i}").ToList();
        await CaIssuerAsync();
        await env.ApplyAsync(Manifests.Namespace("renew"));
        await env.ApplyAsync(string.Join("\n---\n", names.Select(n => Manifests.Certificate(n, "renew", "ClusterIssuer", "conflict-ca", [$"{n}.example.com"]))));
        foreach (var name in names)
        {
            await env.WaitForConditionAsync("certificate", name, "renew");
        }

        var patches = new List<string>();
        foreach (var name in names)
        {
            var conditions = (await env.GetJsonAsync("certificate", name, "renew"))["status"]!["conditions"]!.AsArray().Select(c => c!.DeepClone()).ToList();
            conditions.Add(new JsonObject
            {
                ["type"] = "Issuing", ["status"] = "True", ["reason"] = "ManuallyTriggered",
                ["message"] = "Certificate re-issuance manually triggered",
                ["lastTransitionTime"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            });
            patches.Add(new JsonObject { ["status"] = new JsonObject { ["conditions"] = new JsonArray([.. conditions]) } }.ToJsonString());
        }

        await Task.WhenAll(names.Select((name, i) => env.KubectlAsync("patch", "certificate", name, "-n", "renew", "--subresource=status", "--type=merge", "-p", patches[i])));

        foreach (var name in names)
        {
            var status = await env.EventuallyAsync(
                async () => (await env.GetJsonAsync("certificate", name, "renew"))["status"]!,
                s => s["revision"]?.GetValue<int>() == 2 && s["conditions"]!.AsArray().All(c => (string?)c!["type"] != "Issuing"),
                TimeSpan.FromSeconds(60),
                $"{name} at revision 2 with no Issuing condition");
            status["conditions"]!.AsArray().Select(c => (string?)c!["type"]).Should().Equal("Ready");
        }

        // The recorder folds a repeated Event into one object with a count, as client-go's correlator does.
        var issued = await env.EventuallyAsync(
            async () => JsonNode.Parse(await env.KubectlAsync("get", "events", "-n", "renew", "-o", "json"))!["items"]!.AsArray()
                .Where(e => (string?)e!["message"] == "The certificate has been successfully issued")
                .GroupBy(e => (string?)e!["involvedObject"]!["name"])
                .ToDictionary(g => g.Key!, g => g.Sum(e => e!["count"]?.GetValue<int>() ?? 1)),
            counts => names.All(n => counts.GetValueOrDefault(n) == 2),
            TimeSpan.FromSeconds(30),
            "a \"successfully issued\" Event for each revision of each Certificate");
        issued.Should().HaveCount(Renewals);
        env.ForbiddenLogLines().Should().BeEmpty();
    }

    private async Task CaIssuerAsync()
    {
        await env.ApplyAsync(Manifests.SelfSignedClusterIssuer("selfsigned"));
        await env.ApplyAsync(Manifests.CaCertificate("conflict-root", OperatorEnvironment.ClusterResourceNamespace, "selfsigned"));
        await env.WaitForConditionAsync("certificate", "conflict-root", OperatorEnvironment.ClusterResourceNamespace);
        await env.ApplyAsync(Manifests.CaIssuer("ClusterIssuer", "conflict-ca", "conflict-root"));
        await env.WaitForConditionAsync("clusterissuer", "conflict-ca", "");
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
