using CertOperator.Crds.Acme;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using CertOperator.Testing;
using CertOperator.Testing.DnsFakes;
using CertOperator.Testing.DnsFakes.Cloudflare;
using CertOperator.Tests.Hosting;
using k8s.Models;

namespace CertOperator.Tests.Acme.Challenges;

/// <summary>
/// A Challenge deleted while its record is being presented: the operator's "presented" write then fails on the
/// deleted object's newer version, yet the finalizer must still remove the record it may have made.
/// </summary>
public sealed class ChallengeDeletionTests : IAsyncLifetime
{
    private const string Ns = "doomed";
    private const string Token = "cf-deletion-token-5c3e";
    private const string RecordName = "_acme-challenge.doomed.example.com";
    private KubeApiServer _server = null!;
    private KubernetesClient Client { get; set; } = null!;
    private CloudflareFake _cloudflare = null!;
    private InProcessOperator _operator = null!;
    private int _presented;

    public async Task InitializeAsync()
    {
        _server = await KubeApiServer.StartAsync(new KubeApiServerOptions { CrdDirectory = RepoPaths.Combine("config", "crds") });
        Client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [_server.KubeconfigPath] }));
        _cloudflare = await new CloudflareFake(new TxtMirror(DeleteChallengeWhilePresentingAsync, (_, _, _) => Task.CompletedTask)) { ApiToken = Token }.StartAsync();
        _cloudflare.AddZone("example.com");
        _operator = await InProcessOperator.StartAsync(_server, TimeProvider.System, "cert-manager",
            new Dictionary<string, Uri> { ["cloudflare"] = _cloudflare.BaseAddress });
    }

    public async Task DisposeAsync()
    {
        await _operator.DisposeAsync();
        await _cloudflare.DisposeAsync();
        Client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_record_is_removed_when_the_challenge_is_deleted_while_it_is_presented()
    {
        await CreateChallengeAsync("doomed-1", "doomed.example.com");

        await WaitUntilGoneAsync("doomed-1");

        _presented.Should().Be(1, "the record was created once, and the Challenge deleted meanwhile");
        _cloudflare.TxtValues(RecordName).Should().BeEmpty("the finalizer must remove a record presented as the Challenge was deleted");
        _cloudflare.Requests.Should().Contain(r => r.StartsWith("DELETE ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_challenge_that_never_presented_is_released_when_its_clean_up_fails_for_the_same_reason_and_says_so()
    {
        await CreateChallengeAsync("lost-1", "lost.example.com", "cf-revoked-token-0a1b");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Client.TryGetAsync<Challenge>(Ns, "lost-1"))?.Status?.Reason?.Contains("Error presenting challenge", StringComparison.Ordinal) != true)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "presenting with a token Cloudflare refuses should fail");
            await Task.Delay(50);
        }

        await Client.DeleteAsync<Challenge>(Ns, "lost-1");
        await WaitUntilGoneAsync("lost-1");

        var events = await Client.ListAsync<KubeEvent>(Ns);
        events.Items.Should().Contain(e => e.InvolvedObject.Name == "lost-1" && e.Reason == "CleanUpError" && e.Type == "Warning"
            && e.Message.Contains("released, as presenting never finished", StringComparison.Ordinal));
        _presented.Should().Be(0);
    }

    private async Task CreateChallengeAsync(string name, string dnsName, string token = Token)
    {
        var solver = new AcmeChallengeSolver
        {
            Dns01 = new AcmeChallengeSolverDns01 { Cloudflare = new CloudflareProvider { ApiTokenSecretRef = new SecretKeySelector { Name = "cloudflare", Key = "api-token" } } },
        };
        await Client.CreateAsync(new KubeNamespace { Metadata = new V1ObjectMeta { Name = Ns } });
        await Client.CreateAsync(new Secret
        {
            Metadata = new V1ObjectMeta { Name = "cloudflare", NamespaceProperty = Ns },
            Data = new Dictionary<string, byte[]> { ["api-token"] = System.Text.Encoding.ASCII.GetBytes(token) },
        });
        await Client.CreateAsync(new Issuer
        {
            Metadata = new V1ObjectMeta { Name = "acme", NamespaceProperty = Ns },
            Spec = new IssuerSpec
            {
                Acme = new AcmeIssuer
                {
                    Server = "https://127.0.0.1:1/directory",
                    PrivateKeySecretRef = new SecretKeySelector { Name = "acme-account" },
                    Solvers = [solver],
                },
            },
        });
        await Client.CreateAsync(new Challenge
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns },
            Spec = new ChallengeSpec
            {
                Url = "https://127.0.0.1:1/chall/1",
                AuthorizationUrl = "https://127.0.0.1:1/authz/1",
                DnsName = dnsName,
                Type = "DNS-01",
                Token = "token-1",
                Key = "txt-value-1",
                Solver = solver,
                IssuerRef = new IssuerReference { Name = "acme", Kind = "Issuer", Group = "cert-manager.io" },
            },
        });
    }

    private async Task WaitUntilGoneAsync(string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await Client.TryGetAsync<Challenge>(Ns, name) is not null)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the Challenge should be released by its finalizer");
            await Task.Delay(50);
        }
    }

    /// <summary>Runs while the fake has stored the record and before it answers: the operator is mid-way through presenting.</summary>
    private async Task DeleteChallengeWhilePresentingAsync(string fqdn, string value, CancellationToken ct)
    {
        Interlocked.Increment(ref _presented);
        await Client.DeleteAsync<Challenge>(Ns, "doomed-1", ct: ct);
    }
}
