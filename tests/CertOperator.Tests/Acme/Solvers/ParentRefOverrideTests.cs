using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;

namespace CertOperator.Tests.Acme.Solvers;

/// <summary>
/// cert-manager v1.21.1 acmeorders util_test.go TestBuildChallengeSpecFromOrder_ParentRefAnnotations (9 rows): the
/// Order's parentRef annotations (from a Gateway-made Certificate) against the issuer's gatewayHTTPRoute parentRefs.
/// </summary>
public sealed class ParentRefOverrideTests
{
    private const string Name = "acme.cert-manager.io/http01-parentrefname";
    private const string Kind = "acme.cert-manager.io/http01-parentrefkind";
    private const string Namespace = "acme.cert-manager.io/http01-parentrefnamespace";

    private static AcmeChallengeSolver Gateway(params GatewayParentReference[] parents) =>
        new() { Http01 = new AcmeChallengeSolverHttp01 { GatewayHttpRoute = new AcmeChallengeSolverHttp01GatewayHttpRoute { ParentRefs = [.. parents] } } };

    private static GatewayParentReference Ref(string kind, string name, string ns) => new() { Kind = kind, Name = name, Namespace = ns };

    public static TheoryData<string, AcmeChallengeSolver, Dictionary<string, string>, string?, GatewayParentReference[]?, string?> Rows => new()
    {
        { "both annotations present", Gateway(), new() { [Name] = "test-gateway", [Kind] = "Gateway" }, "test-namespace", [Ref("Gateway", "test-gateway", "test-namespace")], null },
        { "only name annotation", Gateway(), new() { [Name] = "test-gateway" }, null, null, "only one of" },
        { "only kind annotation", Gateway(), new() { [Kind] = "Gateway" }, null, null, "only one of" },
        { "no annotations and no parentRefs on issuer", Gateway(), [], null, null, "parentRefs is empty" },
        { "annotations on non-gateway solver", new() { Http01 = new AcmeChallengeSolverHttp01 { Ingress = new() } }, new() { [Name] = "test-gateway", [Kind] = "Gateway" }, null, null, null },
        {
            "append to existing parentRefs", Gateway(Ref("Gateway", "existing-gateway", "default")), new() { [Name] = "test-gateway", [Kind] = "ListenerSet" }, "test-namespace",
            [Ref("Gateway", "existing-gateway", "default"), Ref("ListenerSet", "test-gateway", "test-namespace")], null
        },
        { "namespace inherited from Order", Gateway(), new() { [Name] = "test-gateway", [Kind] = "Gateway" }, "custom-namespace", [Ref("Gateway", "test-gateway", "custom-namespace")], null },
        {
            "namespace annotation overrides Order namespace", Gateway(), new() { [Name] = "eg", [Kind] = "Gateway", [Namespace] = "envoy-gateway-system" }, "api",
            [Ref("Gateway", "eg", "envoy-gateway-system")], null
        },
        {
            "namespace annotation deduplicates matching issuer parentRef", Gateway(Ref("Gateway", "eg", "envoy-gateway-system")),
            new() { [Name] = "eg", [Kind] = "Gateway", [Namespace] = "envoy-gateway-system" }, "api", [Ref("Gateway", "eg", "envoy-gateway-system")], null
        },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void TestBuildChallengeSpecFromOrder_ParentRefAnnotations(
        string row, AcmeChallengeSolver solver, Dictionary<string, string> annotations, string? orderNamespace, GatewayParentReference[]? parents, string? error)
    {
        var apply = () => SolverOverrides.Apply(solver, annotations, orderNamespace);

        if (error is not null)
        {
            apply.Should().Throw<InvalidOperationException>(row).WithMessage($"*{error}*");
            return;
        }

        var result = apply();
        if (parents is null)
        {
            result.Should().BeSameAs(solver, row);
        }
        else
        {
            result.Http01!.GatewayHttpRoute!.ParentRefs.Should().BeEquivalentTo(parents, o => o.WithStrictOrdering(), row);
        }
    }
}
