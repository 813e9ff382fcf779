using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;

namespace CertOperator.Tests.Acme.Solvers;

public sealed class SolverOverridesTests
{
    private static AcmeChallengeSolver Http01(string? name = null, string? ingressClass = null, string? className = "nginx") => new()
    {
        Http01 = new AcmeChallengeSolverHttp01
        {
            Ingress = new AcmeChallengeSolverHttp01Ingress { Name = name, Class = ingressClass, IngressClassName = className, ServiceType = "ClusterIP" },
        },
    };

    public static TheoryData<string, Dictionary<string, string>?, string?, string?, string?> Cases => new()
    {
        { "no annotations keep the solver", null, null, null, "nginx" },
        { "unrelated annotations keep the solver", new() { ["a"] = "b" }, null, null, "nginx" },
        { "edit in place targets the named Ingress", new() { [SolverOverrides.IngressName] = "web" }, "web", null, null },
        { "ingress class override", new() { [SolverOverrides.IngressClass] = "traefik" }, null, "traefik", null },
        { "ingressClassName override", new() { [SolverOverrides.IngressClassName] = "haproxy" }, null, null, "haproxy" },
        { "name wins over class", new() { [SolverOverrides.IngressName] = "web", [SolverOverrides.IngressClass] = "traefik" }, "web", null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Applies_overrides(string name, Dictionary<string, string>? annotations, string? ingressName, string? ingressClass, string? className)
    {
        var original = Http01();

        var result = SolverOverrides.Apply(original, annotations, "default").Http01!.Ingress!;

        result.Name.Should().Be(ingressName, name);
        result.Class.Should().Be(ingressClass, name);
        result.IngressClassName.Should().Be(className, name);
        result.ServiceType.Should().Be("ClusterIP");
        original.Http01!.Ingress!.IngressClassName.Should().Be("nginx", "the issuer's solver is not modified");
    }

    [Fact]
    public void Dns01_solvers_are_untouched()
    {
        var dns = new AcmeChallengeSolver { Dns01 = new AcmeChallengeSolverDns01() };

        SolverOverrides.Apply(dns, new Dictionary<string, string> { [SolverOverrides.IngressName] = "web" }, "default").Should().BeSameAs(dns);
    }

    [Fact]
    public void Carries_only_override_keys()
    {
        SolverOverrides.Carry(new Dictionary<string, string> { [SolverOverrides.IngressClass] = "x", ["other"] = "y" })
            .Should().BeEquivalentTo(new Dictionary<string, string> { [SolverOverrides.IngressClass] = "x" });
        SolverOverrides.Carry(null).Should().BeNull();
    }
}
