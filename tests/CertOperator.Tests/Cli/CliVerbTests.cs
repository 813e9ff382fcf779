using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using CertOperator.Testing;
using CertOperator.Tests.EndToEnd;

namespace CertOperator.Tests.Cli;

/// <summary>The cmctl-style verbs run as a process against the operator issuing from pebble.</summary>
public sealed class CliVerbTests(AcmeEnvironment env) : IClassFixture<AcmeEnvironment>
{
    private OperatorEnvironment Cluster => env.Cluster;

    [Fact]
    public async Task Status_of_a_ready_certificate_shows_conditions_order_challenges_and_secret()
    {
        await IssueAsync("cli-status");

        var result = await RunAsync("status", "certificate", "cli-status");

        result.ExitCode.Should().Be(0, result.StdErr);
        result.StdOut.Should().Contain("Ready=True").And.Contain("Revision: 1").And.Contain("CertificateRequest: cli-status-1 (revision 1)")
            .And.Contain("Order: cli-status-1").And.Contain("State: valid")
            .And.MatchRegex(@"Secret: cli-status-tls: expires \S+ \(valid for \d+ days\); DNS names: cli-status\.example\.test");
    }

    [Fact]
    public async Task Status_of_a_certificate_stuck_on_a_failing_challenge_shows_where()
    {
        await Cluster.ApplyAsync(Manifests.Certificate("cli-stuck", "default", "ClusterIssuer", "pebble", ["unreachable.invalid"]));

        // pebble fails the validation within a second or two and the Challenge is then cleaned up, so the reason is
        // seen either on the Challenge (while it lives) or on the invalid Order (after); both name the host.
        var result = await Cluster.EventuallyAsync(() => RunAsync("status", "certificate", "cli-stuck"),
            r => Regex.IsMatch(r.StdOut, @"HTTP-01 unreachable\.invalid presented=\w+ state=\S+ reason=[^-\s]")
                || Regex.IsMatch(r.StdOut, @"State: invalid  Reason: .*unreachable\.invalid"),
            TimeSpan.FromSeconds(60), "status to show why the challenge fails");

        result.StdOut.Should().MatchRegex("Issuing=(True|False)").And.MatchRegex("State: (pending|invalid)").And.Contain("CertificateRequest: cli-stuck-1 (revision 1)")
            .And.Contain("Secret: cli-stuck-tls: does not exist");
    }

    [Fact]
    public async Task Renew_issues_the_next_revision()
    {
        await IssueAsync("cli-renew");

        var result = await RunAsync("renew", "cli-renew");

        result.ExitCode.Should().Be(0, result.StdErr);
        result.StdOut.Should().Contain("Manually triggered issuance of Certificate default/cli-renew");
        await Cluster.EventuallyAsync(() => Cluster.KubectlAsync("get", "certificate", "cli-renew", "-o", "jsonpath={.status.revision}"),
            r => r == "2", TimeSpan.FromSeconds(90), "revision 2");

        await Cluster.KubectlAsync("label", "certificate", "cli-renew", "cli=renew");
        var bySelector = await RunAsync("renew", "-l", "cli=renew");

        bySelector.ExitCode.Should().Be(0, bySelector.StdErr);
        bySelector.StdOut.Should().Contain("default/cli-renew");
        await Cluster.EventuallyAsync(() => Cluster.KubectlAsync("get", "certificate", "cli-renew", "-o", "jsonpath={.status.revision}"),
            r => r == "3", TimeSpan.FromSeconds(90), "revision 3");
    }

    [Fact]
    public async Task Renew_refuses_a_certificate_that_is_already_issuing()
    {
        await Cluster.ApplyAsync(Manifests.Certificate("cli-waiting", "default", "ClusterIssuer", "cli-missing", ["cli-waiting.example.test"]));
        await Cluster.WaitForConditionAsync("certificate", "cli-waiting", condition: "Issuing");

        var result = await RunAsync("renew", "cli-waiting");

        result.ExitCode.Should().NotBe(0);
        result.StdErr.Should().StartWith("renew: Certificate default/cli-waiting is already being issued");
    }

    [Fact]
    public async Task Renew_without_a_target_fails_with_one_line()
    {
        var result = await RunAsync("renew");

        result.ExitCode.Should().NotBe(0);
        result.StdErr.Trim().Should().StartWith("renew: ").And.NotContain("\n");
    }

    [Fact]
    public async Task Inspect_secret_prints_the_sans_validity_chain_and_key_match()
    {
        await IssueAsync("cli-inspect");

        var result = await RunAsync("inspect", "secret", "cli-inspect-tls");

        result.ExitCode.Should().Be(0, result.StdErr);
        result.StdOut.Should().Contain("DNS names:  cli-inspect.example.test").And.MatchRegex(@"valid for \d+ days")
            .And.Contain("tls.key:    matches the certificate").And.Contain("Chain:\n  0: ");
    }

    [Fact]
    public async Task Inspect_of_a_missing_secret_fails_with_one_line()
    {
        var result = await RunAsync("inspect", "secret", "nope");

        result.ExitCode.Should().NotBe(0);
        result.StdErr.Trim().Should().Be("inspect secret: Secret default/nope does not exist");
    }

    [Fact]
    public async Task Check_api_passes()
    {
        var result = await RunAsync("check", "api");

        result.ExitCode.Should().Be(0, result.StdErr);
        result.StdOut.Should().Contain("ready");
    }

    [Fact]
    public async Task Revoke_revokes_the_current_certificate_at_pebble()
    {
        await IssueAsync("cli-revoke");
        using var secret = IssuedSecret.From(await Cluster.GetJsonAsync("secret", "cli-revoke-tls"));

        var result = await RunAsync("revoke", "cli-revoke", "--reason", "keyCompromise");

        result.ExitCode.Should().Be(0, result.StdErr);
        var status = await env.Pebble.Pebble.GetCertificateStatusAsync(secret.Leaf.SerialNumber.TrimStart('0').ToLowerInvariant(), CancellationToken.None);
        status["Status"]!.GetValue<string>().Should().Be("Revoked");
        status["Reason"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Revoke_refuses_a_certificate_of_a_non_acme_issuer()
    {
        await Cluster.ApplyAsync(Manifests.SelfSignedClusterIssuer("cli-selfsigned"));
        await Cluster.ApplyAsync(Manifests.Certificate("cli-selfsigned", "default", "ClusterIssuer", "cli-selfsigned", ["cli-selfsigned.example.test"]));

        var result = await RunAsync("revoke", "cli-selfsigned");

        result.ExitCode.Should().NotBe(0);
        result.StdErr.Trim().Should().Be("revoke: ClusterIssuer cli-selfsigned is not an ACME issuer; only ACME certificates can be revoked");
    }

    [Fact]
    public async Task Converted_legacy_manifests_are_accepted_and_issue()
    {
        var dir = Directory.CreateTempSubdirectory("cli-convert-").FullName;
        var legacy = Path.Combine(dir, "legacy.yaml");
        var converted = Path.Combine(dir, "v1.yaml");
        await File.WriteAllTextAsync(legacy, LegacyManifests(env.Pebble.Pebble.DirectoryUrl.ToString(), CaBundle()));

        var result = await CliProcess.RunWithoutClusterAsync("convert", "-f", legacy, "-o", converted);

        result.ExitCode.Should().Be(0, result.StdErr);
        await Cluster.KubectlAsync("apply", "-f", converted);
        await Cluster.WaitForConditionAsync("certificate", "cli-legacy", timeoutSeconds: 90);
        using var secret = IssuedSecret.From(await Cluster.GetJsonAsync("secret", "cli-legacy-tls"));
        secret.DnsNames.Should().Equal("cli-legacy.example.test");
        secret.Leaf.GetECDsaPublicKey().Should().NotBeNull();
        Directory.Delete(dir, recursive: true);
    }

    private async Task IssueAsync(string name)
    {
        await Cluster.ApplyAsync(Manifests.Certificate(name, "default", "ClusterIssuer", "pebble", [$"{name}.example.test"]));
        await Cluster.WaitForConditionAsync("certificate", name, timeoutSeconds: 90);
    }

    private Task<ExternalCommand.Result> RunAsync(params string[] args) => CliProcess.RunAsync(Cluster.Kubeconfig, args);

    private string CaBundle() => Convert.ToBase64String(File.ReadAllBytes(env.Pebble.Pebble.Tls.CaPemPath));

    private static string LegacyManifests(string server, string caBundle) => $"""
        apiVersion: certmanager.k8s.io/v1alpha1
        kind: ClusterIssuer
        metadata:
          name: legacy-pebble
        spec:
          acme:
            server: {server}
            email: ops@example.test
            caBundle: {caBundle}
            privateKeySecretRef:
              name: legacy-pebble-account-key
            http01: {"{}"}
        ---
        apiVersion: certmanager.k8s.io/v1alpha1
        kind: Certificate
        metadata:
          name: cli-legacy
          namespace: default
        spec:
          secretName: cli-legacy-tls
          keyAlgorithm: ecdsa
          keySize: 256
          issuerRef:
            kind: ClusterIssuer
            name: legacy-pebble
          dnsNames:
          - cli-legacy.example.test
          acme:
            config:
            - http01:
                ingressClass: nginx
              domains:
              - cli-legacy.example.test
        """;
}
