using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;

namespace CertOperator.Tests.Acme.Solvers;

public sealed class SolverSelectionTests
{
    private static AcmeChallengeSolver Http(string id, CertificateDnsNameSelector? selector = null) =>
        new() { Selector = selector, Http01 = new AcmeChallengeSolverHttp01 { Ingress = new AcmeChallengeSolverHttp01Ingress { Name = id } } };

    private static AcmeChallengeSolver Dns(string id, CertificateDnsNameSelector? selector = null) =>
        new() { Selector = selector, Dns01 = new AcmeChallengeSolverDns01 { Rfc2136 = new Rfc2136Provider { Nameserver = id } } };

    private static string Id(AcmeChallengeSolver s) => s.Http01?.Ingress?.Name ?? s.Dns01!.Rfc2136!.Nameserver;

    private static readonly string[] Both = [SolverSelection.Http01, SolverSelection.Dns01];
    private static readonly string[] DnsOnly = [SolverSelection.Dns01];

    public static TheoryData<string, AcmeChallengeSolver[], string, bool, string[], string?> Cases => new()
    {
        { "no selector matches everything", [Http("plain")], "a.example.com", false, Both, "plain" },
        { "first of equals wins", [Http("first"), Dns("second")], "a.example.com", false, Both, "first" },
        { "dnsNames beats dnsZones", [Dns("zone", new() { DnsZones = ["example.com"] }), Http("name", new() { DnsNames = ["a.example.com"] })], "a.example.com", false, Both, "name" },
        { "longest zone wins", [Dns("short", new() { DnsZones = ["example.com"] }), Dns("long", new() { DnsZones = ["sub.example.com"] })], "a.sub.example.com", false, Both, "long" },
        { "zone matches itself", [Dns("zone", new() { DnsZones = ["example.com"] })], "example.com", false, Both, "zone" },
        { "zone is not a suffix of another label", [Dns("zone", new() { DnsZones = ["ample.com"] }), Http("fallback")], "example.com", false, Both, "fallback" },
        { "zone selector beats no selector", [Http("any"), Dns("zone", new() { DnsZones = ["example.com"] })], "a.example.com", false, Both, "zone" },
        { "non-matching dnsNames excludes", [Http("named", new() { DnsNames = ["b.example.com"] })], "a.example.com", false, Both, null },
        { "more labels win", [Http("one", new() { MatchLabels = new() { ["team"] = "a" } }), Http("two", new() { MatchLabels = new() { ["team"] = "a", ["env"] = "prod" } })], "a.example.com", false, Both, "two" },
        { "unmatched labels exclude", [Http("labelled", new() { MatchLabels = new() { ["team"] = "b" } }), Http("fallback")], "a.example.com", false, Both, "fallback" },
        { "wildcard skips http-01", [Http("http"), Dns("dns")], "example.com", true, DnsOnly, "dns" },
        { "wildcard matches its dnsNames entry", [Dns("other"), Dns("wild", new() { DnsNames = ["*.example.com"] })], "example.com", true, DnsOnly, "wild" },
        { "nothing offered that we can solve", [Http("http")], "example.com", true, DnsOnly, null },
        { "names compare case-insensitively", [Http("named", new() { DnsNames = ["A.Example.COM"] })], "a.example.com", false, Both, "named" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Selects_solver(string name, AcmeChallengeSolver[] solvers, string dnsName, bool wildcard, string[] offered, string? expected)
    {
        var labels = new Dictionary<string, string> { ["team"] = "a", ["env"] = "prod" };

        var choice = SolverSelection.Select(solvers, dnsName, wildcard, labels, offered);

        (choice is null ? null : Id(choice.Solver)).Should().Be(expected, name);
    }
}
