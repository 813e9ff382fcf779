using CertOperator.Acme.Http01;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Tests.Acme.Http01;

public sealed class IngressEditTests
{
    private const string ChallengePath = "/.well-known/acme-challenge/tok-123";
    private static readonly Http01Options Options = new();
    private static readonly string Solver = SolverResources.Name(Http01Gen.Challenge());

    public static TheoryData<string, Ingress, bool, string> AddCases => new()
    {
        { "no rules: rule added", Existing(), true, $"example.com {ChallengePath}->{Solver}" },
        { "rule for another host kept, rule added", Existing(("other.com", "/", "app")), true, $"other.com /->app | example.com {ChallengePath}->{Solver}" },
        { "path added to the domain's rule", Existing(("example.com", "/", "app")), true, $"example.com /->app,{ChallengePath}->{Solver}" },
        { "already routed: unchanged", Existing(("example.com", ChallengePath, Solver)), false, $"example.com {ChallengePath}->{Solver}" },
        { "routed elsewhere: backend replaced", Existing(("example.com", ChallengePath, "stale")), true, $"example.com {ChallengePath}->{Solver}" },
    };

    [Theory]
    [MemberData(nameof(AddCases))]
    public void Adding_the_challenge_path(string name, Ingress ingress, bool changed, string routes)
    {
        SolverResources.AddChallengePath(ingress, Http01Gen.Challenge(), Options).Should().Be(changed, name);

        Describe(ingress).Should().Be(routes, name);
    }

    public static TheoryData<string, Ingress, bool, string> RemoveCases => new()
    {
        { "only the challenge: its rule goes", Existing(("example.com", ChallengePath, Solver)), true, "" },
        { "other paths of the domain stay", Existing(("example.com", "/", "app"), ("example.com", ChallengePath, Solver)), true, "example.com /->app" },
        { "other hosts untouched", Existing(("other.com", ChallengePath, "x"), ("example.com", ChallengePath, Solver)), true, $"other.com {ChallengePath}->x" },
        { "nothing to remove", Existing(("example.com", "/", "app")), false, "example.com /->app" },
        { "no rules at all", Existing(), false, "" },
    };

    [Theory]
    [MemberData(nameof(RemoveCases))]
    public void Removing_the_challenge_path(string name, Ingress ingress, bool changed, string routes)
    {
        SolverResources.RemoveChallengePath(ingress, Http01Gen.Challenge()).Should().Be(changed, name);

        Describe(ingress).Should().Be(routes, name);
    }

    [Fact]
    public void Editing_keeps_fields_the_model_does_not_name()
    {
        var ingress = Existing(("example.com", "/", "app"));
        ingress.Spec.Tls = [new V1IngressTLS { Hosts = ["example.com"], SecretName = "web-tls" }];

        SolverResources.AddChallengePath(ingress, Http01Gen.Challenge(), Options);
        SolverResources.RemoveChallengePath(ingress, Http01Gen.Challenge());

        ingress.Spec.Tls.Should().ContainSingle().Which.SecretName.Should().Be("web-tls");
        Describe(ingress).Should().Be("example.com /->app");
    }

    /// <summary>An Ingress with one rule per distinct host, paths in order.</summary>
    private static Ingress Existing(params (string Host, string Path, string Service)[] routes) => new()
    {
        Metadata = new V1ObjectMeta { Name = "shared", NamespaceProperty = "default" },
        Spec = new V1IngressSpec
        {
            Rules = [.. routes.GroupBy(r => r.Host).Select(g => new V1IngressRule
            {
                Host = g.Key,
                Http = new V1HTTPIngressRuleValue
                {
                    Paths = [.. g.Select(r => new V1HTTPIngressPath
                    {
                        Path = r.Path,
                        PathType = "ImplementationSpecific",
                        Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = r.Service, Port = new V1ServiceBackendPort { Number = 8089 } } },
                    })],
                },
            })],
        },
    };

    private static string Describe(Ingress ingress) => string.Join(" | ", (ingress.Spec.Rules ?? []).Select(r =>
        $"{r.Host} {string.Join(',', r.Http!.Paths.Select(p => $"{p.Path}->{p.Backend.Service!.Name}"))}"));
}
