using System.Text.Json.Nodes;
using CertOperator.Testing;
using CertOperator.Tests.EndToEnd;

namespace CertOperator.Tests.Metrics;

/// <summary>
/// The operator process's /metrics as Prometheus scrapes it: cert-manager's names and labels, values equal to the
/// issued certificate and its status, series gone with their object.
/// </summary>
public sealed class OperatorMetricsTests(MetricsEnvironment env) : IClassFixture<MetricsEnvironment>
{
    private static readonly string[] CertificateTimestamps =
    [
        "certmanager_certificate_expiration_timestamp_seconds", "certmanager_certificate_not_after_timestamp_seconds",
        "certmanager_certificate_not_before_timestamp_seconds", "certmanager_certificate_renewal_timestamp_seconds",
    ];

    [Fact]
    public async Task Certificate_gauges_match_the_issued_secret_and_status_and_vanish_with_the_certificate()
    {
        await env.ApplyAsync(Manifests.SelfSignedClusterIssuer("metrics-selfsigned"));
        await env.ApplyAsync(Manifests.Certificate("metrics-web", "default", "ClusterIssuer", "metrics-selfsigned", ["metrics.example.com"]));
        await env.WaitForConditionAsync("certificate", "metrics-web");
        using var secret = IssuedSecret.From(await env.GetJsonAsync("secret", "metrics-web-tls"));
        var status = (await env.GetJsonAsync("certificate", "metrics-web"))["status"]!;
        var notAfter = Unix(secret.Leaf.NotAfter);
        var notBefore = Unix(secret.Leaf.NotBefore);
        var renewal = Time(status["renewalTime"]);

        var samples = await env.ScrapeUntilAsync(
            s => Of(s, "certmanager_certificate_renewal_timestamp_seconds", "metrics-web").Any(x => x.Value == renewal),
            "the renewal time of metrics-web is exported");

        Value(samples, "certmanager_certificate_expiration_timestamp_seconds").Should().Be(notAfter);
        Value(samples, "certmanager_certificate_not_after_timestamp_seconds").Should().Be(notAfter);
        Value(samples, "certmanager_certificate_not_before_timestamp_seconds").Should().Be(notBefore);
        Value(samples, "certmanager_certificate_renewal_timestamp_seconds").Should().Be(renewal);
        Time(status["notAfter"]).Should().Be(notAfter);
        var ready = Of(samples, "certmanager_certificate_ready_status", "metrics-web").ToList();
        ready.Select(s => (s["condition"], s.Value)).Should().BeEquivalentTo([("True", 1.0), ("False", 0.0), ("Unknown", 0.0)]);
        ready.Concat(CertificateTimestamps.SelectMany(n => Of(samples, n, "metrics-web"))).Should().OnlyContain(s =>
            s["namespace"] == "default" && s["issuer_name"] == "metrics-selfsigned" && s["issuer_kind"] == "ClusterIssuer" && s["issuer_group"] == "", "cert-manager labels the group as written: empty when the Certificate names none");
        samples.Should().Contain(s => s.Name == "certmanager_clusterissuer_ready_status" && s["name"] == "metrics-selfsigned" && s["condition"] == "True" && s.Value == 1);

        await env.KubectlAsync("delete", "certificate", "metrics-web", "-n", "default");
        var after = await env.ScrapeUntilAsync(
            s => !s.Any(x => x.Name.StartsWith("certmanager_certificate_", StringComparison.Ordinal) && x["name"] == "metrics-web"),
            "every series of the deleted certificate is gone");
        after.Should().Contain(s => s.Name == "certmanager_clusterissuer_ready_status" && s["name"] == "metrics-selfsigned", "only the deleted object's series go");
    }

    [Fact]
    public async Task Every_controller_counts_its_syncs_and_process_and_runtime_basics_are_exported()
    {
        await env.ApplyAsync(Manifests.SelfSignedClusterIssuer("metrics-sync"));
        await env.ApplyAsync(Manifests.Certificate("metrics-sync", "default", "ClusterIssuer", "metrics-sync", ["sync.example.com"]));
        await env.WaitForConditionAsync("certificate", "metrics-sync");
        string[] controllers =
        [
            "certificates-trigger", "certificates-key-manager", "certificates-request-manager", "certificates-issuing",
            "certificates-readiness", "certificaterequests", "clusterissuers",
        ];

        var samples = await env.ScrapeUntilAsync(
            s => controllers.All(c => s.Any(x => x.Name == "certmanager_controller_sync_call_count" && x["controller"] == c && x.Value > 0)),
            "every controller that had work counts its syncs");

        samples.Should().Contain(s => s.Name == "certmanager_clock_time_seconds_gauge" && Math.Abs(s.Value - DateTimeOffset.UtcNow.ToUnixTimeSeconds()) < 60);
        samples.Should().Contain(s => s.Name == "certmanager_clock_time_seconds");
        samples.Should().Contain(s => s.Name == "process_resident_memory_bytes" && s.Value > 1_000_000);
        samples.Should().Contain(s => s.Name == "process_cpu_seconds_total" && s.Value > 0);
        samples.Should().Contain(s => s.Name == "dotnet_collection_count_total");
    }

    [Fact]
    public async Task Requests_to_an_unreachable_acme_server_are_counted_with_status_999_and_timed()
    {
        await env.ApplyAsync(Manifests.AcmeIssuer("metrics-acme", "default", "https://127.0.0.1:1/directory"));

        var samples = await env.ScrapeUntilAsync(
            s => s.Any(x => x.Name == "certmanager_http_acme_client_request_count" && x["host"] == "127.0.0.1:1"),
            "the failed registration is counted");

        var count = samples.First(x => x.Name == "certmanager_http_acme_client_request_count" && x["host"] == "127.0.0.1:1");
        count.Labels.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["scheme"] = "https", ["host"] = "127.0.0.1:1", ["action"] = "register_account", ["method"] = "GET", ["status"] = "999",
        });
        samples.Should().Contain(s => s.Name == "certmanager_http_acme_client_request_duration_seconds_count" && s["host"] == "127.0.0.1:1" && s.Value >= 1);
        samples.Should().Contain(s => s.Name == "certmanager_http_acme_client_request_duration_seconds" && s["quantile"] == "0.99");
    }

    [Fact]
    public async Task A_challenge_has_one_series_per_acme_state_with_1_for_its_own_and_none_once_deleted()
    {
        await env.ApplyAsync("""
            apiVersion: acme.cert-manager.io/v1
            kind: Challenge
            metadata:
              name: metrics-challenge
              namespace: default
            spec:
              url: https://acme.example.com/chall/1
              authorizationURL: https://acme.example.com/authz/1
              dnsName: challenge.example.com
              type: HTTP-01
              token: token
              key: token.thumbprint
              issuerRef:
                name: metrics-missing-issuer
              solver:
                http01:
                  ingress:
                    ingressClassName: nginx
            """);

        var samples = await env.ScrapeUntilAsync(
            s => s.Count(x => x.Name == "certmanager_certificate_challenge_status" && x["name"] == "metrics-challenge") == 8,
            "the challenge's eight state series are exported");

        var series = samples.Where(x => x.Name == "certmanager_certificate_challenge_status" && x["name"] == "metrics-challenge").ToList();
        series.Select(x => x["status"]).Should().BeEquivalentTo("ready", "valid", "errored", "expired", "invalid", "processing", "", "pending");
        series.Sum(x => x.Value).Should().Be(1, "exactly one state is the challenge's");
        series.Should().OnlyContain(x => x["domain"] == "challenge.example.com" && x["type"] == "HTTP-01" && x["namespace"] == "default"
            && (x["processing"] == "true" || x["processing"] == "false"));
        series.Should().OnlyContain(x => !x.Labels.Values.Contains("token.thumbprint"), "the key authorization is a secret");

        await env.KubectlAsync("delete", "challenge", "metrics-challenge", "-n", "default", "--wait=false");
        await env.ScrapeUntilAsync(
            s => !s.Any(x => x.Name == "certmanager_certificate_challenge_status" && x["name"] == "metrics-challenge"),
            "the deleted challenge's series are gone");
    }

    [Fact]
    public async Task Every_metric_the_dashboard_and_the_alert_rules_use_is_one_the_operator_exports()
    {
        await env.ApplyAsync(Manifests.SelfSignedClusterIssuer("metrics-names"));
        await env.ApplyAsync(Manifests.Certificate("metrics-names", "default", "ClusterIssuer", "metrics-names", ["names.example.com"]));
        await env.ApplyAsync(Manifests.AcmeIssuer("metrics-names", "default", "https://127.0.0.1:1/directory"));
        await env.WaitForConditionAsync("certificate", "metrics-names");
        var rules = MonitoringFiles.AlertRules();
        var used = MonitoringFiles.MetricNames([.. MonitoringFiles.DashboardExpressions(), .. rules.Values]);

        var samples = await env.ScrapeUntilAsync(
            s => s.Any(x => x.Name == "certmanager_http_acme_client_request_count") && s.Any(x => x.Name == "certmanager_issuer_ready_status"),
            "ACME and issuer series exist");
        PrometheusText.Parse(await env.ScrapeTextAsync(), out var families);
        var exported = samples.Select(s => s.Name).Concat(families.Keys).ToHashSet(StringComparer.Ordinal);

        rules.Keys.Should().BeEquivalentTo("CertificateExpiringNotRenewing", "CertificateNotReady", "AcmeRequestErrors");
        used.Should().Contain(["certmanager_certificate_expiration_timestamp_seconds", "certmanager_certificate_ready_status",
            "certmanager_http_acme_client_request_count", "certmanager_controller_sync_error_count"]);
        used.Except(exported).Should().BeEmpty("every name in {0} and {1} must be one the operator exports", MonitoringFiles.DashboardPath, MonitoringFiles.RulesPath);
    }

    private static IEnumerable<Sample> Of(IReadOnlyList<Sample> samples, string metric, string certificate) =>
        samples.Where(s => s.Name == metric && s["name"] == certificate);

    private static double Value(IReadOnlyList<Sample> samples, string metric) => Of(samples, metric, "metrics-web").Single().Value;

    private static double Unix(DateTime time) => new DateTimeOffset(time.ToUniversalTime()).ToUnixTimeSeconds();

    private static double Time(JsonNode? node) => DateTimeOffset.Parse(node!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
}
