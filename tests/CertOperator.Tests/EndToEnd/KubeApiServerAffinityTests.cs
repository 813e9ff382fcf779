using System.Text.Json.Nodes;
using CertOperator.Testing.RealKube;
using CertOperator.Tests.Acme.Http01;

namespace CertOperator.Tests.EndToEnd;

/// <summary>
/// kube-apiserver prunes a custom resource to its CRD's schema: every field of a full affinity in an Issuer must be
/// declared there, or a real cluster silently drops it before the operator reads it.
/// </summary>
public sealed class KubeApiServerAffinityTests
{
    [Fact]
    public async Task A_full_affinity_in_an_issuer_survives_the_real_api_servers_schema()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var kube = await RealKubeApiServer.StartAsync(cts.Token);
        var manifest = Path.Combine(kube.BaseFolder, "issuer-affinity.yaml");
        await File.WriteAllTextAsync(manifest, FullAffinityIssuer.Yaml, cts.Token);

        await kube.KubectlAsync(["apply", "-n", "default", "-f", manifest], cts.Token);
        var stored = JsonNode.Parse(await kube.KubectlAsync(["get", "issuer", "acme-affinity", "-n", "default", "-o", "json"], cts.Token))!;

        var affinity = stored["spec"]!["acme"]!["solvers"]![0]!["http01"]!["ingress"]!["podTemplate"]!["spec"]!["affinity"];
        JsonNode.DeepEquals(affinity, FullAffinityIssuer.Affinity()).Should().BeTrue(affinity?.ToJsonString());
    }
}
