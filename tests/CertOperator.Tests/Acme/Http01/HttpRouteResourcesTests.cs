using CertOperator.Acme.Http01;
using CertOperator.Crds.Acme;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Tests.Acme.Http01;

/// <summary>
/// The `gatewayHTTPRoute` solver's objects as pure functions: cert-manager v1.21.1 httproute_test.go's
/// TestGenerateHTTPRouteSpec rows (4), and what the route, Service and Pod take from the config.
/// </summary>
public sealed class HttpRouteResourcesTests
{
    private static readonly Http01Options Options = new();

    public static TheoryData<string, string, string[]?> Hostnames => new()
    {
        { "should include hostname for DNS name", "example.com", ["example.com"] },
        { "should include hostname for subdomain", "www.example.com", ["www.example.com"] },
        { "should not include hostname for IPv4 address", "192.0.2.1", null },
        { "should not include hostname for IPv6 address", "2001:db8::1", null },
    };

    [Theory]
    [MemberData(nameof(Hostnames))]
    public void TestGenerateHTTPRouteSpec(string row, string dnsName, string[]? hostnames)
    {
        var route = SolverResources.HttpRoute(Http01Gen.GatewayChallenge(dnsName: dnsName), Options);

        route.Spec.Hostnames.Should().BeEquivalentTo(hostnames, row);
    }

    [Fact]
    public void Route_matches_the_exact_challenge_path_to_the_solver_service_through_the_parent_gateways()
    {
        var challenge = Http01Gen.GatewayChallenge(ns: "web", route: r => r.ParentRefs!.Add(new GatewayParentReference { Name = "edge", Namespace = "infra", SectionName = "http" }));

        var route = SolverResources.HttpRoute(challenge, Options);

        route.Metadata.Name.Should().Be(SolverResources.Name(challenge));
        SolverResources.IsOwnedBy(route, challenge).Should().BeTrue();
        route.Spec.ParentRefs.Should().Equal(
            new ParentReference { Group = "gateway.networking.k8s.io", Kind = "Gateway", Namespace = "web", Name = "gw" },
            new ParentReference { Group = "gateway.networking.k8s.io", Kind = "Gateway", Namespace = "infra", Name = "edge", SectionName = "http" });
        var rule = route.Spec.Rules.Should().ContainSingle().Subject;
        rule.Matches.Should().ContainSingle().Which.Path.Should().BeEquivalentTo(new HttpPathMatch { Type = "Exact", Value = "/.well-known/acme-challenge/tok-123" });
        rule.BackendRefs.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new HttpBackendRef { Group = "", Kind = "Service", Name = SolverResources.Name(challenge), Namespace = "web", Port = Options.SolverServicePort, Weight = 1 });
    }

    [Fact]
    public void Config_labels_win_over_solver_labels_and_service_type_and_pod_template_come_from_the_route_config()
    {
        var challenge = Http01Gen.GatewayChallenge(route: r =>
        {
            r.Labels = new() { ["team"] = "edge", [SolverResources.SolverLabel] = "custom" };
            r.ServiceType = "ClusterIP";
            r.PodTemplate = new Http01PodTemplate { Metadata = new SolverObjectMeta { Labels = new() { ["pod"] = "label" } } };
        });

        SolverResources.HttpRoute(challenge, Options).Metadata.Labels.Should().Contain("team", "edge").And.Contain(SolverResources.SolverLabel, "custom");
        SolverResources.Service(challenge, Options).Spec.Type.Should().Be("ClusterIP");
        SolverResources.Pod(challenge, Options).Metadata.Labels.Should().Contain("pod", "label");
    }

    [Fact]
    public void A_route_the_server_defaulted_is_in_sync_and_a_changed_one_is_not()
    {
        var challenge = Http01Gen.GatewayChallenge();
        var route = SolverResources.HttpRoute(challenge, Options);
        route.Spec.ParentRefs = [new ParentReference { Name = "gw", Namespace = challenge.Metadata.NamespaceProperty }];
        route.Spec.Rules![0].BackendRefs![0].Weight = null;

        SolverResources.HttpRouteInSync(route, challenge, Options).Should().BeTrue();

        route.Spec.Rules[0].BackendRefs![0].Name = "elsewhere";
        SolverResources.HttpRouteInSync(route, challenge, Options).Should().BeFalse();
    }

    [Fact]
    public void The_patch_sets_the_spec_and_drops_labels_the_route_should_not_have()
    {
        var challenge = Http01Gen.GatewayChallenge();
        var desired = SolverResources.HttpRoute(challenge, Options);
        var current = SolverResources.HttpRoute(challenge, Options);
        current.Metadata.Labels!["stale"] = "x";

        var patch = SolverResources.HttpRoutePatch(current, desired);

        patch["metadata"]!["labels"]!.AsObject().Should().ContainKey("stale").WhoseValue.Should().BeNull();
        patch["spec"]!["rules"]![0]!["matches"]![0]!["path"]!["value"]!.GetValue<string>().Should().Be("/.well-known/acme-challenge/tok-123");
    }

    [Fact]
    public void Without_parent_refs_there_is_no_route_to_make()
    {
        var challenge = Http01Gen.GatewayChallenge(route: r => r.ParentRefs = null);

        var make = () => SolverResources.HttpRoute(challenge, Options);

        make.Should().Throw<InvalidOperationException>().WithMessage("*gatewayHTTPRoute.parentRefs is empty*");
    }
}
