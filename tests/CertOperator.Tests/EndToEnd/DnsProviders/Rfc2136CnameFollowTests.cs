using CertOperator.Testing.Bind;
using CertOperator.Testing.DnsFakes;

namespace CertOperator.Tests.EndToEnd.DnsProviders;

/// <summary>
/// `cnameStrategy: Follow` end to end: `_acme-challenge.alias.example.test` is a CNAME into a delegated name, the
/// operator publishes the TXT value there (bind refuses other data beside a CNAME), and pebble follows the CNAME to it.
/// </summary>
public sealed class Rfc2136CnameFollowTests(Rfc2136CnameFollowTests.Environment env) : IClassFixture<Rfc2136CnameFollowTests.Environment>
{
    [Fact]
    public async Task A_namespaced_issuer_with_cname_strategy_follow_issues_a_wildcard_through_the_delegated_name()
    {
        await env.Cluster.ApplyAsync(Manifests.Secret("tsig", "default", "Opaque", new Dictionary<string, string> { ["tsig-secret-key"] = env.Bind.Key.Secret }));
        await env.ApplyIssuerAsync("delegating", "default", $"""
            cnameStrategy: Follow
            rfc2136:
              nameserver: {env.Bind.Nameserver}
              tsigKeyName: {env.Bind.Key.Name}
              tsigAlgorithm: HMACSHA256
              tsigSecretSecretRef:
                name: tsig
                key: tsig-secret-key
            """);

        using var secret = await env.IssueWildcardAsync("alias", "default", "delegating", "alias.example.test");

        secret.DnsNames.Should().BeEquivalentTo("alias.example.test", "*.alias.example.test");
        await env.WaitForNoTxtAsync("alias.acme-delegate.example.test");
    }

    public sealed class Environment : DnsProviderEnvironment
    {
        protected override BindOptions BindOptions => new() { Zone = "example.test", ExtraRecords = ["_acme-challenge.alias IN CNAME alias.acme-delegate"] };

        protected override Task<IReadOnlyList<string>> StartFakesAsync(BindTxtZone zone, CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([]);

        protected override ValueTask StopFakesAsync() => ValueTask.CompletedTask;
    }
}
