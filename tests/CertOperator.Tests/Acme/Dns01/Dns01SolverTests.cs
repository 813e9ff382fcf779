using System.Collections.Concurrent;
using System.Threading.Channels;
using CertOperator.Acme.Dns01;
using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;
using CertOperator.Dns;
using CertOperator.Infrastructure;
using CertOperator.Issuers;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Tests.Acme.Dns01;

/// <summary>Which provider a dns01 solver reaches, at which name, with which credentials namespace and ambient permission.</summary>
public sealed class Dns01SolverTests : IAsyncDisposable
{
    private static readonly OperatorOptions Options = new() { ClusterResourceNamespace = "cert-manager", IssuerAmbientCredentials = false, ClusterIssuerAmbientCredentials = true };
    private readonly KubernetesClient _kube = new(KubernetesClientConfiguration.From(new k8s.KubernetesClientConfiguration { Host = "https://127.0.0.1:1" }));
    private readonly SharedInformerFactory _informers;
    private readonly RecordingProvider _cloudflare = new("cloudflare", c => c.Cloudflare is not null);
    private readonly RecordingProvider _rfc2136 = new("rfc2136", c => c.Rfc2136 is not null);
    private readonly CnameChecker _checker = new();

    public Dns01SolverTests() => _informers = new SharedInformerFactory(_kube);

    [Fact]
    public async Task The_provider_whose_field_is_set_publishes_at_the_challenge_name_with_the_issuers_namespace()
    {
        var challenge = Challenge(new AcmeChallengeSolverDns01 { Cloudflare = new CloudflareProvider() });

        await Solver().PresentAsync(challenge, new Issuer { Metadata = new V1ObjectMeta { Name = "acme", NamespaceProperty = "team-a" } }, CancellationToken.None);

        _rfc2136.Calls.Should().BeEmpty();
        var call = _cloudflare.Calls.Should().ContainSingle().Subject;
        call.Should().Be(("present", "_acme-challenge.example.com.", "team-a", false, "txt-value"));
    }

    [Fact]
    public async Task A_cluster_issuer_reads_credentials_from_the_cluster_resource_namespace_and_may_use_ambient_credentials()
    {
        var challenge = Challenge(new AcmeChallengeSolverDns01 { Cloudflare = new CloudflareProvider() });

        await Solver().CleanUpAsync(challenge, new ClusterIssuer { Metadata = new V1ObjectMeta { Name = "acme" } }, CancellationToken.None);

        _cloudflare.Calls.Should().Equal(("cleanup", "_acme-challenge.example.com.", "cert-manager", true, "txt-value"));
    }

    [Fact]
    public async Task Cname_strategy_follow_publishes_where_the_chain_ends()
    {
        _checker.Targets["_acme-challenge.example.com."] = "example.com.acme.delegated.test.";
        var challenge = Challenge(new AcmeChallengeSolverDns01 { CnameStrategy = "Follow", Cloudflare = new CloudflareProvider() });

        await Solver().PresentAsync(challenge, new ClusterIssuer { Metadata = new V1ObjectMeta { Name = "acme" } }, CancellationToken.None);
        var reason = await Solver().CheckAsync(challenge, new ClusterIssuer { Metadata = new V1ObjectMeta { Name = "acme" } }, CancellationToken.None);

        _cloudflare.Calls.Single().Fqdn.Should().Be("example.com.acme.delegated.test.");
        _checker.Checked.Should().Equal("example.com.acme.delegated.test.");
        reason.Should().BeNull();
    }

    [Fact]
    public async Task Challenges_for_one_record_name_reach_the_provider_one_at_a_time()
    {
        var provider = new GatedProvider();
        var solver = new Dns01Solver([provider], new IssuerLookup(_informers, Options), _checker, Options);
        var issuer = new Issuer { Metadata = new V1ObjectMeta { Name = "acme", NamespaceProperty = "team-a" } };
        var apex = Challenge(new AcmeChallengeSolverDns01 { Cloudflare = new CloudflareProvider() });
        var wildcard = Challenge(new AcmeChallengeSolverDns01 { Cloudflare = new CloudflareProvider() });
        wildcard.Spec.DnsName = "EXAMPLE.com";
        wildcard.Spec.Wildcard = true;
        wildcard.Spec.Key = "wildcard-value";

        var first = solver.PresentAsync(apex, issuer, CancellationToken.None);
        var second = solver.CleanUpAsync(wildcard, issuer, CancellationToken.None);
        await provider.Entered.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(50);
        provider.Inside.Should().Be(1);
        provider.Release.Release(2);
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(5));

        provider.MostInside.Should().Be(1);
        provider.Values.Should().BeEquivalentTo("txt-value", "wildcard-value");
    }

    [Theory]
    [InlineData(false, "the dns01 solver names no provider this operator supports; set one of cloudflare, rfc2136")]
    [InlineData(true, "the dns01 solver sets cloudflare and rfc2136; set exactly one provider per solver")]
    public async Task A_solver_without_exactly_one_supported_provider_is_a_configuration_error(bool both, string message)
    {
        var config = both
            ? new AcmeChallengeSolverDns01 { Cloudflare = new CloudflareProvider(), Rfc2136 = new Rfc2136Provider { Nameserver = "127.0.0.1" } }
            : new AcmeChallengeSolverDns01 { DigitalOcean = new DigitalOceanProvider() };

        var present = () => Solver().PresentAsync(Challenge(config), new Issuer { Metadata = new V1ObjectMeta { Name = "acme", NamespaceProperty = "team-a" } }, CancellationToken.None);

        (await present.Should().ThrowAsync<SolverConfigurationException>()).Which.Message.Should().Be(message);
    }

    public async ValueTask DisposeAsync()
    {
        await _informers.DisposeAsync();
        _kube.Dispose();
    }

    private Dns01Solver Solver() => new([_cloudflare, _rfc2136], new IssuerLookup(_informers, Options), _checker, Options);

    private static Challenge Challenge(AcmeChallengeSolverDns01 dns01) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-1", NamespaceProperty = "team-a" },
        Spec = new ChallengeSpec
        {
            Url = "https://acme.test/chall/1",
            AuthorizationUrl = "https://acme.test/authz/1",
            DnsName = "example.com",
            Type = "DNS-01",
            Token = "tok",
            Key = "txt-value",
            Solver = new AcmeChallengeSolver { Dns01 = dns01 },
            IssuerRef = new IssuerReference { Name = "acme", Kind = "Issuer" },
        },
    };

    private sealed class RecordingProvider(string name, Func<AcmeChallengeSolverDns01, bool> selected) : IDnsProvider
    {
        public List<(string Action, string Fqdn, string SecretNamespace, bool Ambient, string Value)> Calls { get; } = [];

        public string Field => name;

        public bool IsSelected(AcmeChallengeSolverDns01 config) => selected(config);

        public Task PresentAsync(DnsChallengeRecord record, CancellationToken ct)
        {
            Calls.Add(("present", record.Fqdn, record.SecretNamespace, record.AllowAmbientCredentials, record.Value));
            return Task.CompletedTask;
        }

        public Task CleanUpAsync(DnsChallengeRecord record, CancellationToken ct)
        {
            Calls.Add(("cleanup", record.Fqdn, record.SecretNamespace, record.AllowAmbientCredentials, record.Value));
            return Task.CompletedTask;
        }
    }

    /// <summary>A provider whose calls wait for <see cref="Release"/>, counting how many are inside at once.</summary>
    private sealed class GatedProvider : IDnsProvider
    {
        private int _inside;

        public Channel<string> Entered { get; } = Channel.CreateUnbounded<string>();

        public SemaphoreSlim Release { get; } = new(0);

        public int Inside => Volatile.Read(ref _inside);

        public int MostInside { get; private set; }

        public ConcurrentBag<string> Values { get; } = [];

        public string Field => "cloudflare";

        public bool IsSelected(AcmeChallengeSolverDns01 config) => true;

        public Task PresentAsync(DnsChallengeRecord record, CancellationToken ct) => CallAsync(record, ct);

        public Task CleanUpAsync(DnsChallengeRecord record, CancellationToken ct) => CallAsync(record, ct);

        private async Task CallAsync(DnsChallengeRecord record, CancellationToken ct)
        {
            var inside = Interlocked.Increment(ref _inside);
            MostInside = Math.Max(MostInside, inside);
            Values.Add(record.Value);
            await Entered.Writer.WriteAsync(record.Value, ct);
            await Release.WaitAsync(ct);
            Interlocked.Decrement(ref _inside);
        }
    }

    private sealed class CnameChecker : ITxtRecordChecker
    {
        public Dictionary<string, string> Targets { get; } = [];

        public List<string> Checked { get; } = [];

        public Task<bool> IsPresentAsync(string fqdn, string expectedValue, IReadOnlyList<string> nameservers, CancellationToken cancellationToken)
        {
            Checked.Add(fqdn);
            return Task.FromResult(true);
        }

        public Task<string> ResolveCnameAsync(string fqdn, CancellationToken cancellationToken) =>
            Task.FromResult(Targets.GetValueOrDefault(fqdn, fqdn));

        public Task<string> FindZoneAsync(string fqdn, CancellationToken cancellationToken) =>
            Task.FromResult(fqdn[(fqdn.IndexOf('.', StringComparison.Ordinal) + 1)..]);
    }
}
