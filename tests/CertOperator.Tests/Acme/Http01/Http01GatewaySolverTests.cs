using System.Text.Json.Nodes;
using CertOperator.Acme.Http01;
using CertOperator.Crds.Issuers;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Tests.Acme.Http01;

/// <summary>The `gatewayHTTPRoute` solver against the test API server with the Gateway API CRDs installed.</summary>
public sealed class Http01GatewaySolverTests(SolverCluster cluster) : IClassFixture<SolverCluster>
{
    private static Issuer Issuer => SolverCluster.Issuer;

    private KubernetesClient Client => cluster.Client;

    [Fact]
    public async Task Present_creates_owned_pod_service_and_httproute_once()
    {
        var challenge = await cluster.CreateGatewayChallengeAsync(r => r.ServiceType = "ClusterIP");
        using var http = new HttpClient();
        var solver = NewSolver(http);

        await solver.PresentAsync(challenge, Issuer, CancellationToken.None);
        await solver.PresentAsync(challenge, Issuer, CancellationToken.None);

        var ns = challenge.Metadata.NamespaceProperty;
        var pod = (await Client.ListAsync<Pod>(ns)).Items.Should().ContainSingle().Subject;
        var service = (await Client.ListAsync<Service>(ns)).Items.Should().ContainSingle().Subject;
        var route = (await Client.ListAsync<HttpRoute>(ns)).Items.Should().ContainSingle().Subject;
        (await Client.ListAsync<Ingress>(ns)).Items.Should().BeEmpty();
        foreach (var obj in new IKubernetesObject[] { pod, service, route })
        {
            obj.Metadata.Name.Should().Be(SolverResources.Name(challenge));
            SolverResources.IsOwnedBy(obj, challenge).Should().BeTrue($"{obj.Kind} is garbage collected with the Challenge");
        }

        service.Spec.Type.Should().Be("ClusterIP");
        route.Spec.Hostnames.Should().Equal("example.com");
        route.Spec.ParentRefs.Should().ContainSingle().Which.Name.Should().Be("gw");
    }

    [Fact]
    public async Task A_changed_route_is_patched_back_and_keeps_what_others_added()
    {
        var challenge = await cluster.CreateGatewayChallengeAsync();
        using var http = new HttpClient();
        var solver = NewSolver(http);
        await solver.PresentAsync(challenge, Issuer, CancellationToken.None);
        var ns = challenge.Metadata.NamespaceProperty;
        var name = SolverResources.Name(challenge);
        await Client.PatchAsync<HttpRoute>(ns, name, Patch.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["team"] = "edge" } },
            ["spec"] = new JsonObject { ["hostnames"] = new JsonArray("wrong.example.com") },
        }));

        await solver.PresentAsync(challenge, Issuer, CancellationToken.None);

        var route = await Client.GetAsync<HttpRoute>(ns, name);
        route.Spec.Hostnames.Should().Equal("example.com");
        route.Metadata.Annotations.Should().Contain("team", "edge");
    }

    [Fact]
    public async Task Clean_up_deletes_the_httproute_pod_and_service()
    {
        var challenge = await cluster.CreateGatewayChallengeAsync();
        using var http = new HttpClient();
        var solver = NewSolver(http);
        await solver.PresentAsync(challenge, Issuer, CancellationToken.None);

        await solver.CleanUpAsync(challenge, Issuer, CancellationToken.None);
        await solver.CleanUpAsync(challenge, Issuer, CancellationToken.None);

        var ns = challenge.Metadata.NamespaceProperty;
        (await Client.ListAsync<HttpRoute>(ns)).Items.Should().BeEmpty();
        (await Client.ListAsync<Pod>(ns)).Items.Should().BeEmpty();
        (await Client.ListAsync<Service>(ns)).Items.Should().BeEmpty();
    }

    private Http01Solver NewSolver(HttpClient http) => cluster.NewSolver(http);
}
