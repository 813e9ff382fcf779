namespace CertOperator.Tests.EndToEnd;

/// <summary>Let's Encrypt-style issuance from `kubectl apply`, against pebble and bind9, on either control plane.</summary>
public abstract class AcmeIssuanceTests<TEnv>(TEnv env) : IClassFixture<TEnv>
    where TEnv : AcmeEnvironment
{
    protected TEnv Env => env;

    private OperatorEnvironment Cluster => env.Cluster;

    [Fact]
    public async Task Dns01_issues_a_wildcard_certificate_that_chains_to_pebbles_root()
    {
        await Cluster.ApplyAsync(Manifests.Certificate("wild", "default", "ClusterIssuer", "pebble", ["dns.example.test", "*.dns.example.test"]));
        await Cluster.WaitForConditionAsync("certificate", "wild", timeoutSeconds: 90);

        using var secret = IssuedSecret.From(await Cluster.GetJsonAsync("secret", "wild-tls"));
        secret.DnsNames.Should().BeEquivalentTo("dns.example.test", "*.dns.example.test");
        var (ok, problems) = await env.ChainsToPebbleRootAsync(secret);
        ok.Should().BeTrue(problems);
        (await env.Bind.DigAsync("_acme-challenge.dns.example.test", "TXT", CancellationToken.None)).Should().BeEmpty("TXT records are removed after validation");
    }

    [Fact]
    public async Task Http01_issues_through_a_solver_pod_service_and_ingress()
    {
        await Cluster.ApplyAsync(Manifests.Certificate("web", "default", "ClusterIssuer", "pebble", ["web.example.test", "www.web.example.test"]));
        await Cluster.WaitForConditionAsync("certificate", "web", timeoutSeconds: 90);

        using var secret = IssuedSecret.From(await Cluster.GetJsonAsync("secret", "web-tls"));
        secret.DnsNames.Should().BeEquivalentTo("web.example.test", "www.web.example.test");
        var (ok, problems) = await env.ChainsToPebbleRootAsync(secret);
        ok.Should().BeTrue(problems);

        var orders = await Cluster.KubectlAsync("get", "orders", "-n", "default", "-o", "wide");
        orders.Should().MatchRegex(@"web-1\s+valid\s+pebble");
        // A real kube-apiserver keeps its own service/kubernetes in `default`; nothing else may be left there.
        await Cluster.EventuallyAsync(() => Cluster.KubectlAsync("get", "pods,services,ingresses", "-n", "default", "-o", "name"),
            s => s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(name => name == "service/kubernetes"),
            TimeSpan.FromSeconds(30), "solver resources to be cleaned up");
    }

    [Fact]
    public async Task Deleting_a_certificate_mid_issuance_leaves_nothing_behind()
    {
        await Cluster.ApplyAsync(Manifests.Namespace("doomed"));
        await Cluster.ApplyAsync(Manifests.Certificate("doomed", "doomed", "ClusterIssuer", "pebble", ["doomed.example.test", "doomed.dns.example.test"]));
        await Cluster.EventuallyAsync(() => Cluster.KubectlAsync("get", "challenges", "-n", "doomed", "-o", "jsonpath={.items[*].status.presented}"),
            s => s.Contains("true", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "a challenge to be presented");

        await Cluster.KubectlAsync("delete", "certificate", "doomed", "-n", "doomed", "--wait=false");

        await Cluster.EventuallyAsync(
            () => Cluster.KubectlAsync("get", "certificaterequests,orders,challenges,pods,services,ingresses", "-n", "doomed", "-o", "name"),
            s => string.IsNullOrWhiteSpace(s), TimeSpan.FromSeconds(60), "every issuance object and solver resource to be gone");
        (await env.Bind.DigAsync("_acme-challenge.doomed.dns.example.test", "TXT", CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_certificate_stuck_on_a_challenge_says_why_on_its_ready_condition()
    {
        var wrongKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await Cluster.ApplyAsync(Manifests.Secret("tsig-wrong", OperatorEnvironment.ClusterResourceNamespace, "Opaque",
            new Dictionary<string, string> { ["tsig-secret-key"] = wrongKey }));
        await Cluster.ApplyAsync(Manifests.AcmeClusterIssuer("pebble-wrong-tsig", env.Pebble.Pebble.DirectoryUrl.ToString(), env.CaBundle(),
            env.Bind.Nameserver, env.Bind.Key.Name, env.Bind.Key.Algorithm, tsigSecret: "tsig-wrong"));
        await Cluster.WaitForConditionAsync("clusterissuer", "pebble-wrong-tsig", "");

        await Cluster.ApplyAsync(Manifests.Certificate("stuck", "default", "ClusterIssuer", "pebble-wrong-tsig", ["stuck.dns.example.test"]));

        var message = await Cluster.EventuallyAsync(
            () => Cluster.KubectlAsync("get", "certificate", "stuck", "-n", "default", "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].message}"),
            m => m.Contains("challenge for stuck.dns.example.test: Error presenting challenge", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), "the Certificate's Ready message to carry the challenge's blocking reason");
        message.Should().Contain("CertificateRequest \"stuck-1\"").And.NotContain(wrongKey);
        (await Cluster.KubectlAsync("get", "certificate", "stuck", "-n", "default", "-o", "wide")).Should().Contain("Error presenting challenge");
    }
}

public sealed class TestApiServerAcmeIssuanceTests(AcmeEnvironment env) : AcmeIssuanceTests<AcmeEnvironment>(env);

/// <summary>
/// The same on a real kube-apiserver 1.24 (solver Pods, Services and Ingresses; Challenge finalizers; garbage collection
/// of a deleted Certificate's requests, Orders and Challenges), with the operator never forbidden by config/rbac.
/// </summary>
public sealed class KubeApiServerAcmeIssuanceTests(RealAcmeEnvironment env) : AcmeIssuanceTests<RealAcmeEnvironment>(env), IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Env.RealCluster.ForbiddenLogLines().Should().BeEmpty("config/rbac must grant the certoperator ServiceAccount everything ACME issuance does");
        return Task.CompletedTask;
    }
}

/// <summary>Every issuance still succeeds when pebble rejects half of all nonces.</summary>
public sealed class AcmeNonceRejectionTests(NonceRejectingAcmeEnvironment env) : IClassFixture<NonceRejectingAcmeEnvironment>
{
    [Fact]
    public async Task All_certificates_become_ready()
    {
        var names = new[] { "n1", "n2", "n3" };
        await env.Cluster.ApplyAsync(string.Join("\n---\n", names.Select(n =>
            Manifests.Certificate(n, "default", "ClusterIssuer", "pebble", [$"{n}.example.test", $"{n}.dns.example.test"]))));
        foreach (var name in names)
        {
            await env.Cluster.WaitForConditionAsync("certificate", name, timeoutSeconds: 90);
        }
    }
}
