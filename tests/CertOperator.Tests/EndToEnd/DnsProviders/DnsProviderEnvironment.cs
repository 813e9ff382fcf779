using System.Text;
using System.Text.Json.Nodes;
using CertOperator.Testing.Bind;
using CertOperator.Testing.DnsFakes;
using CertOperator.Testing.Pebble;

namespace CertOperator.Tests.EndToEnd.DnsProviders;

/// <summary>
/// DNS-01 through a provider's API, for real where it counts: bind9 serves `example.test`, a fake of the provider's
/// REST API (started by the subclass) writes what it is told into bind9, pebble validates against bind9, and the
/// operator runs against the API test server with `--dns01-provider-endpoint` pointing at the fake.
/// </summary>
public abstract class DnsProviderEnvironment : IAsyncLifetime
{
    public BindServer Bind { get; private set; } = null!;

    /// <summary>The fake's record store (bind9).</summary>
    public BindTxtZone Zone { get; private set; } = null!;

    public PebbleEnvironment Pebble { get; private set; } = null!;

    public OperatorEnvironment Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bind = await BindServer.StartAsync(BindOptions, CancellationToken.None);
        Zone = new BindTxtZone(Bind);
        Pebble = await PebbleEnvironment.StartAsync(o => o with { DnsServer = Bind.Nameserver }, startResponder: false, CancellationToken.None);
        var endpoints = await StartFakesAsync(Zone, CancellationToken.None);
        Cluster = new OperatorEnvironment
        {
            ExtraOperatorArgs =
            [
                "--dns01-recursive-nameservers", Bind.Nameserver,
                .. endpoints.SelectMany(e => new[] { "--dns01-provider-endpoint", e }),
            ],
        };
        await Cluster.InitializeAsync();
    }

    /// <summary>What bind9 serves: `example.test`, every name's A record on loopback; override to add records (e.g. CNAMEs).</summary>
    protected virtual BindOptions BindOptions => new() { Zone = "example.test" };

    /// <summary>Starts the provider fake(s) on <paramref name="zone"/>; returns `--dns01-provider-endpoint` values (`field=URL`).</summary>
    protected abstract Task<IReadOnlyList<string>> StartFakesAsync(BindTxtZone zone, CancellationToken ct);

    /// <summary>Stops what <see cref="StartFakesAsync"/> started.</summary>
    protected abstract ValueTask StopFakesAsync();

    /// <summary>The CA of pebble's HTTPS endpoint, base64 as spec.acme.caBundle wants it.</summary>
    public string CaBundle() => Convert.ToBase64String(Encoding.ASCII.GetBytes(File.ReadAllText(Pebble.Pebble.Tls.CaPemPath)));

    /// <summary>
    /// Applies an ACME Issuer whose only solver is <paramref name="dns01Yaml"/> (the body under `dns01:`, at column 0)
    /// and waits until it is Ready (its pebble account registered).
    /// </summary>
    public async Task ApplyIssuerAsync(string name, string ns, string dns01Yaml)
    {
        var solver = string.Join('\n', dns01Yaml.TrimEnd().Split('\n').Select(l => "          " + l));
        await Cluster.ApplyAsync($"""
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata:
              name: {name}
              namespace: {ns}
            spec:
              acme:
                server: {Pebble.Pebble.DirectoryUrl}
                email: ops@example.test
                caBundle: {CaBundle()}
                privateKeySecretRef:
                  name: {name}-account-key
                solvers:
                - dns01:
            {solver}
            """);
        await Cluster.WaitForConditionAsync("issuer", name, ns);
    }

    /// <summary>Applies a Certificate for `<paramref name="domain"/>` and `*.<paramref name="domain"/>` from the Issuer and waits until it is Ready.</summary>
    public async Task<IssuedSecret> IssueWildcardAsync(string name, string ns, string issuer, string domain, int timeoutSeconds = 120)
    {
        await Cluster.ApplyAsync(Manifests.Certificate(name, ns, "Issuer", issuer, [domain, $"*.{domain}"]));
        try
        {
            await Cluster.WaitForConditionAsync("certificate", name, ns, timeoutSeconds: timeoutSeconds);
        }
        catch (TimeoutException e)
        {
            var record = $"_acme-challenge.{domain}.";
            var served = await Zone.ValuesAsync(record, CancellationToken.None);
            var challenges = await Cluster.KubectlAsync("get", "challenges", "-n", ns, "-o", "yaml");
            throw new TimeoutException(
                $"{e.Message}\n--- bind9 answers {record} with [{string.Join(", ", served)}] ---\n--- Challenges ---\n{challenges}", e);
        }

        return IssuedSecret.From(await Cluster.GetJsonAsync("secret", $"{name}-tls", ns));
    }

    /// <summary>
    /// Waits until bind9 answers no TXT value at <paramref name="fqdn"/>: the Challenges are cleaned up after their
    /// Certificate is Ready, not before.
    /// </summary>
    public Task WaitForNoTxtAsync(string fqdn) =>
        Cluster.EventuallyAsync(() => Zone.ValuesAsync(fqdn, CancellationToken.None), values => values.Count == 0,
            TimeSpan.FromSeconds(30), $"cleanup to remove every TXT value at {fqdn}");

    /// <summary>Applies the same wildcard Certificate without waiting, for error cases.</summary>
    public Task ApplyWildcardAsync(string name, string ns, string issuer, string domain) =>
        Cluster.ApplyAsync(Manifests.Certificate(name, ns, "Issuer", issuer, [domain, $"*.{domain}"]));

    /// <summary>Waits until some Challenge in <paramref name="ns"/> has a `status.reason` containing <paramref name="text"/>, and returns that reason.</summary>
    public async Task<string> WaitForChallengeReasonAsync(string ns, string text, int timeoutSeconds = 60) =>
        (await Cluster.EventuallyAsync(
            async () => JsonNode.Parse(await Cluster.KubectlAsync("get", "challenges", "-n", ns, "-o", "json"))!["items"]!.AsArray()
                .Select(c => c?["status"]?["reason"]?.GetValue<string>())
                .FirstOrDefault(r => r is not null && r.Contains(text, StringComparison.Ordinal)),
            r => r is not null,
            TimeSpan.FromSeconds(timeoutSeconds),
            $"a Challenge in {ns} with a reason containing \"{text}\""))!;

    /// <summary>The Certificate's Ready condition message.</summary>
    public async Task<string> ReadyMessageAsync(string name, string ns) =>
        (await Cluster.GetJsonAsync("certificate", name, ns))["status"]?["conditions"]?.AsArray()
            .FirstOrDefault(c => c?["type"]?.GetValue<string>() == "Ready")?["message"]?.GetValue<string>() ?? "";

    public async Task DisposeAsync()
    {
        // Also after a failed InitializeAsync: whatever did start is stopped.
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        await StopFakesAsync();
        if (Pebble is not null)
        {
            await Pebble.DisposeAsync();
        }

        if (Bind is not null)
        {
            await Bind.DisposeAsync();
        }
    }
}
