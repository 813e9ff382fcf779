using System.Diagnostics;
using CertOperator.Testing.RealKube;

namespace CertOperator.Tests.EndToEnd;

/// <summary>
/// A fresh real cluster without a single Secret: kube-apiserver answers an empty metadata-only list
/// with `items: null`, which once killed the operator's Secret informer so nothing was ever issued.
/// </summary>
public sealed class KubeApiServerEmptyClusterTests(RealOperatorEnvironment env) : IClassFixture<RealOperatorEnvironment>
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task First_selfsigned_certificate_in_a_cluster_without_secrets_is_ready_within_15_seconds()
    {
        (await env.KubectlAsync("get", "secrets", "--all-namespaces", "-o", "name")).Trim()
            .Should().BeEmpty("the operator starts its informers on a cluster with no Secret at all");
        await env.ApplyAsync(Manifests.SelfSignedClusterIssuer("selfsigned"));
        await env.ApplyAsync(Manifests.Namespace("fresh"));

        // Leadership comes while the caches warm up; from here on the clock measures the operator, not its process start.
        await env.EventuallyAsync(
            () => env.KubectlAsync("get", "leases", "-n", RealKubeApiServer.OperatorNamespace, "-o", "name"),
            leases => leases.Contains("lease.coordination.k8s.io/certoperator-leader", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30),
            "the operator taking the leader Lease");

        var sinceCreation = Stopwatch.StartNew();
        await env.ApplyAsync(Manifests.Certificate("first", "fresh", "ClusterIssuer", "selfsigned", ["first.example.com"]));
        var left = ReadyWithin - sinceCreation.Elapsed;
        await env.WaitForConditionAsync("certificate", "first", "fresh", timeoutSeconds: Math.Max(1, (int)left.TotalSeconds));

        sinceCreation.Elapsed.Should().BeLessThan(ReadyWithin);
        env.ForbiddenLogLines().Should().BeEmpty();
    }
}
