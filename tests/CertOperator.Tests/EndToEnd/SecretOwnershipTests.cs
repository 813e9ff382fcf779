using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace CertOperator.Tests.EndToEnd;

/// <summary>
/// Hostile Certificates whose spec.secretName is somebody else's Secret: each must end Ready=False naming the
/// conflict, with one Warning event, no CertificateRequest and the Secret's resourceVersion unchanged.
/// Two Certificates on one Secret must name each other and stop re-issuing. Run on both control planes.
/// </summary>
public abstract class SecretOwnershipTests<TEnvironment>(TEnvironment env) : IClassFixture<TEnvironment>
    where TEnvironment : OperatorEnvironment
{
    private const string Issuer = "selfsigned";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    protected TEnvironment Env => env;

    /// <summary>The Ready condition, printable as the last value of a wait that timed out.</summary>
    private sealed record ReadyCondition(string Status, string Reason, string Message);

    /// <summary>A Secret before the hostile Certificate is applied.</summary>
    private sealed record Foreign(string Name, string Namespace, string ResourceVersion);

    [Fact]
    public async Task Certificate_on_a_ClusterIssuer_CA_key_pair_leaves_it_and_the_issuer_untouched()
    {
        var ns = OperatorEnvironment.ClusterResourceNamespace;
        await env.ApplyAsync(Manifests.SelfSignedClusterIssuer(Issuer));
        var (caCert, caKey) = NewCa("hostile-test-ca");
        await env.ApplyAsync(Manifests.Secret("hostile-ca-key-pair", ns, "kubernetes.io/tls", new Dictionary<string, string> { ["tls.crt"] = caCert, ["tls.key"] = caKey }));
        await env.ApplyAsync(Manifests.CaIssuer("ClusterIssuer", "hostile-ca", "hostile-ca-key-pair"));
        await env.WaitForConditionAsync("clusterissuer", "hostile-ca", "");
        var foreign = await ForeignAsync("hostile-ca-key-pair", ns);

        await env.ApplyAsync(Manifests.Certificate("steal-ca", ns, "ClusterIssuer", Issuer, ["steal.example.com"], secretName: foreign.Name));

        await RefusedAsync("steal-ca", foreign, "SecretInUse", "the CA key pair of ClusterIssuer \"hostile-ca\" (spec.ca.secretName)");
        await UntouchedAsync(("steal-ca", foreign, "SecretInUse"));
        await env.WaitForConditionAsync("clusterissuer", "hostile-ca", "");
        NeverLogged(caKey);
    }

    [Fact]
    public async Task Certificates_on_ACME_account_EAB_and_TSIG_Secrets_leave_them_untouched()
    {
        const string ns = "acme-keys";
        await env.ApplyAsync(Manifests.Namespace(ns));
        await env.ApplyAsync(Manifests.SelfSignedClusterIssuer(Issuer));
        using var accountKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var accountPem = accountKey.ExportPkcs8PrivateKeyPem();
        var eab = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var tsig = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await env.ApplyAsync(Manifests.Secret("acme-account", ns, "Opaque", new Dictionary<string, string> { ["tls.key"] = accountPem }));
        await env.ApplyAsync(Manifests.Secret("acme-eab", ns, "Opaque", new Dictionary<string, string> { ["secret"] = eab }));
        await env.ApplyAsync(Manifests.Secret("tsig", ns, "Opaque", new Dictionary<string, string> { ["tsig-secret-key"] = tsig }));
        await env.ApplyAsync(AcmeIssuerWithEveryKey("acme", ns));
        var account = await ForeignAsync("acme-account", ns);
        var eabSecret = await ForeignAsync("acme-eab", ns);
        var tsigSecret = await ForeignAsync("tsig", ns);

        await env.ApplyAsync(string.Join("\n---\n",
            Manifests.Certificate("steal-account", ns, "ClusterIssuer", Issuer, ["a.example.com"], secretName: account.Name),
            Manifests.Certificate("steal-eab", ns, "ClusterIssuer", Issuer, ["b.example.com"], secretName: eabSecret.Name),
            Manifests.Certificate("steal-tsig", ns, "ClusterIssuer", Issuer, ["c.example.com"], secretName: tsigSecret.Name)));

        await RefusedAsync("steal-account", account, "SecretInUse", "the ACME account key of Issuer \"acme\" (spec.acme.privateKeySecretRef)");
        await RefusedAsync("steal-eab", eabSecret, "SecretInUse", "the ACME external account binding key of Issuer \"acme\" (spec.acme.externalAccountBinding.keySecretRef)");
        await RefusedAsync("steal-tsig", tsigSecret, "SecretInUse", "a DNS-01 solver credential of Issuer \"acme\" (spec.acme.solvers[0].dns01.rfc2136.tsigSecretSecretRef)");
        await UntouchedAsync(("steal-account", account, "SecretInUse"), ("steal-eab", eabSecret, "SecretInUse"), ("steal-tsig", tsigSecret, "SecretInUse"));

        // Only the Issuer's deletion changes: it alone must wake the Certificate, still kept off an Opaque Secret.
        await env.KubectlAsync("delete", "issuer", "acme", "-n", ns);
        await RefusedAsync("steal-account", account, "SecretConflict", "has type \"Opaque\" and already holds data (keys tls.key)");
        (await ForeignAsync(account.Name, ns)).ResourceVersion.Should().Be(account.ResourceVersion);
        NeverLogged(accountPem);
        NeverLogged(eab);
        NeverLogged(tsig);
    }

    [Fact]
    public async Task Certificates_on_a_service_account_token_and_other_typed_Secrets_leave_them_untouched_and_take_a_plain_TLS_Secret()
    {
        const string ns = "typed";
        await env.ApplyAsync(Manifests.Namespace(ns));
        await env.ApplyAsync(Manifests.SelfSignedClusterIssuer(Issuer));
        await env.ApplyAsync($"""
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: builder
              namespace: {ns}
            """);
        await env.ApplyAsync(Manifests.Secret("builder-token", ns, "kubernetes.io/service-account-token",
            new Dictionary<string, string> { ["ca.crt"] = NewCa("cluster-ca").Cert, ["namespace"] = ns, ["token"] = "not-a-real-token" },
            new Dictionary<string, string> { ["kubernetes.io/service-account.name"] = "builder" }));
        await env.ApplyAsync(Manifests.Secret("registry", ns, "kubernetes.io/dockerconfigjson",
            new Dictionary<string, string> { [".dockerconfigjson"] = """{"auths":{}}""" }));
        await env.ApplyAsync(Manifests.Secret("app-config", ns, "Opaque", new Dictionary<string, string> { ["password"] = "hunter2" }));
        var (plainCert, plainKey) = NewCa("plain");
        await env.ApplyAsync(Manifests.Secret("plain-tls", ns, "kubernetes.io/tls", new Dictionary<string, string> { ["tls.crt"] = plainCert, ["tls.key"] = plainKey }));
        // kube-controller-manager's token controller may still fill in the token Secret: compare from when it is done.
        var token = await ForeignAsync("builder-token", ns, settle: true);
        var registry = await ForeignAsync("registry", ns);
        var config = await ForeignAsync("app-config", ns);

        await env.ApplyAsync(string.Join("\n---\n",
            Manifests.Certificate("steal-token", ns, "ClusterIssuer", Issuer, ["a.example.com"], secretName: token.Name),
            Manifests.Certificate("steal-registry", ns, "ClusterIssuer", Issuer, ["b.example.com"], secretName: registry.Name),
            Manifests.Certificate("steal-config", ns, "ClusterIssuer", Issuer, ["c.example.com"], secretName: config.Name),
            Manifests.Certificate("plain", ns, "ClusterIssuer", Issuer, ["plain.example.com"], secretName: "plain-tls")));

        await RefusedAsync("steal-token", token, "SecretConflict", "has type \"kubernetes.io/service-account-token\"");
        await RefusedAsync("steal-registry", registry, "SecretConflict", "has type \"kubernetes.io/dockerconfigjson\"");
        await RefusedAsync("steal-config", config, "SecretConflict", "has type \"Opaque\" and already holds data (keys password)");
        await env.WaitForConditionAsync("certificate", "plain", ns);
        await UntouchedAsync(("steal-token", token, "SecretConflict"), ("steal-registry", registry, "SecretConflict"), ("steal-config", config, "SecretConflict"));
        var plain = await env.GetJsonAsync("secret", "plain-tls", ns);
        plain["metadata"]!["annotations"]!["cert-manager.io/certificate-name"]!.GetValue<string>().Should().Be("plain", "a plain TLS Secret nobody claims is taken over");
    }

    [Fact]
    public async Task Two_Certificates_on_one_Secret_name_each_other_and_stop_reissuing()
    {
        const string ns = "shared";
        await env.ApplyAsync(Manifests.Namespace(ns));
        await env.ApplyAsync(Manifests.SelfSignedClusterIssuer(Issuer));

        await env.ApplyAsync(string.Join("\n---\n",
            Manifests.Certificate("alpha", ns, "ClusterIssuer", Issuer, ["alpha.example.com"], secretName: "shared-tls"),
            Manifests.Certificate("beta", ns, "ClusterIssuer", Issuer, ["beta.example.com"], secretName: "shared-tls")));
        await env.WaitForConditionAsync("certificate", "alpha", ns);
        var beta = await ConditionAsync("beta", ns, "DuplicateSecretName");
        beta.Message.Should().Contain("Certificate \"alpha\"", "before alpha's Secret exists beta hears alpha was created first, after it that the Secret is alpha's");

        // A newcomer once the Secret is alpha's must not take it either.
        await env.ApplyAsync(Manifests.Certificate("gamma", ns, "ClusterIssuer", Issuer, ["gamma.example.com"], secretName: "shared-tls"));
        var gamma = await ConditionAsync("gamma", ns, "DuplicateSecretName");
        gamma.Message.Should().Be("spec.secretName: Secret \"shared-tls\" belongs to Certificate \"alpha\", which also names it in spec.secretName; choose another secretName for one of them");
        var alpha = await env.EventuallyAsync(() => ReadyAsync("alpha", ns), r => r?.Message.Contains("Certificate \"gamma\"", StringComparison.Ordinal) == true,
            TimeSpan.FromSeconds(30), "alpha naming the Certificates it keeps the Secret from");
        alpha!.Status.Should().Be("True", "the owner keeps its Secret and stays Ready");
        alpha.Message.Should().Contain("Certificate \"beta\", Certificate \"gamma\"");

        var secret = await ForeignAsync("shared-tls", ns);
        var requests = await RequestsAsync(ns);
        await PokeAsync(ns, "beta", "gamma", "alpha");
        await Task.Delay(TimeSpan.FromSeconds(10));
        (await RequestsAsync(ns)).Should().Equal(requests, "no Certificate re-issues while they share the Secret");
        requests.Should().Equal(["alpha-1"]);
        (await ForeignAsync("shared-tls", ns)).ResourceVersion.Should().Be(secret.ResourceVersion);
        (await env.GetJsonAsync("secret", "shared-tls", ns))["metadata"]!["annotations"]!["cert-manager.io/certificate-name"]!.GetValue<string>().Should().Be("alpha");
        (await WarningEventsAsync(ns, "beta", "DuplicateSecretName")).Should().Be(1);
        (await WarningEventsAsync(ns, "gamma", "DuplicateSecretName")).Should().Be(1);

        await env.KubectlAsync("delete", "certificate", "beta", "gamma", "-n", ns);
        await env.EventuallyAsync(() => ReadyAsync("alpha", ns), r => r?.Message == "Certificate is up to date and has not expired",
            TimeSpan.FromSeconds(30), "alpha no longer naming deleted Certificates");
    }

    private async Task<Foreign> ForeignAsync(string name, string ns, bool settle = false)
    {
        async Task<string> Read() => (await env.GetJsonAsync("secret", name, ns))["metadata"]!["resourceVersion"]!.GetValue<string>();
        var version = await Read();
        while (settle)
        {
            await Task.Delay(Settle);
            var again = await Read();
            settle = again != version;
            version = again;
        }

        return new Foreign(name, ns, version);
    }

    private async Task<ReadyCondition?> ReadyAsync(string name, string ns)
    {
        var conditions = (await env.GetJsonAsync("certificate", name, ns))["status"]?["conditions"]?.AsArray() ?? [];
        return conditions.FirstOrDefault(c => c?["type"]?.GetValue<string>() == "Ready") is { } ready
            ? new ReadyCondition(ready["status"]!.GetValue<string>(), ready["reason"]!.GetValue<string>(), ready["message"]!.GetValue<string>())
            : null;
    }

    private async Task<ReadyCondition> ConditionAsync(string name, string ns, string reason) =>
        (await env.EventuallyAsync(() => ReadyAsync(name, ns), r => r?.Reason == reason, TimeSpan.FromSeconds(60), $"certificate {ns}/{name} reporting {reason}"))!;

    private async Task RefusedAsync(string certificate, Foreign secret, string reason, string mention)
    {
        var ready = await ConditionAsync(certificate, secret.Namespace, reason);
        ready.Status.Should().Be("False");
        ready.Message.Should().StartWith($"spec.secretName: Secret \"{secret.Name}\" ").And.Contain(mention).And.Contain("choose another secretName");
    }

    /// <summary>After a reconcile that must change nothing, each Secret is as it was, and each Certificate has one event and no request.</summary>
    private async Task UntouchedAsync(params (string Certificate, Foreign Secret, string Reason)[] cases)
    {
        foreach (var group in cases.GroupBy(c => c.Secret.Namespace))
        {
            await PokeAsync(group.Key, [.. group.Select(c => c.Certificate)]);
        }

        await Task.Delay(Settle);
        foreach (var (certificate, secret, reason) in cases)
        {
            (await ForeignAsync(secret.Name, secret.Namespace)).ResourceVersion.Should().Be(secret.ResourceVersion, $"{certificate} must not write Secret {secret.Name}");
            (await RequestsAsync(secret.Namespace)).Should().NotContain(r => r.StartsWith(certificate + "-", StringComparison.Ordinal), $"{certificate} must not be issued");
            (await WarningEventsAsync(secret.Namespace, certificate, reason)).Should().Be(1, $"{certificate} is warned once, not on every reconcile");
        }
    }

    /// <summary>An annotation change: every controller reconciles the Certificates again.</summary>
    private async Task PokeAsync(string ns, params string[] certificates)
    {
        foreach (var certificate in certificates)
        {
            await env.KubectlAsync("annotate", "certificate", certificate, "-n", ns, $"test/poked={Guid.NewGuid():N}", "--overwrite");
        }
    }

    private async Task<List<string>> RequestsAsync(string ns) =>
        [.. (await env.KubectlAsync("get", "certificaterequests", "-n", ns, "-o", "jsonpath={.items[*].metadata.name}"))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];

    /// <summary>How many times a Warning with <paramref name="reason"/> was reported about the Certificate (Event objects times their count).</summary>
    private async Task<int> WarningEventsAsync(string ns, string certificate, string reason)
    {
        var events = JsonNode.Parse(await env.KubectlAsync("get", "events", "-n", ns, "-o", "json"))!["items"]!.AsArray();
        return events
            .Where(e => e!["involvedObject"]?["kind"]?.GetValue<string>() == "Certificate"
                && e["involvedObject"]?["name"]?.GetValue<string>() == certificate
                && e["type"]?.GetValue<string>() == "Warning"
                && e["reason"]?.GetValue<string>() == reason)
            .Sum(e => e!["count"]?.GetValue<int>() ?? 1);
    }

    /// <summary>No line of a secret value (each PEM body line, or the whole value) in any operator log.</summary>
    private void NeverLogged(string value)
    {
        foreach (var line in value.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            env.OperatorLog.Should().NotContain(line.Trim(), "Secret values never reach the log");
        }
    }

    private static string AcmeIssuerWithEveryKey(string name, string ns) => $"""
        apiVersion: cert-manager.io/v1
        kind: Issuer
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          acme:
            server: https://127.0.0.1:1/directory
            disableAccountKeyGeneration: true
            privateKeySecretRef:
              name: acme-account
            externalAccountBinding:
              keyID: kid-1
              keySecretRef:
                name: acme-eab
                key: secret
            solvers:
            - dns01:
                rfc2136:
                  nameserver: 127.0.0.1:1
                  tsigKeyName: hostile
                  tsigAlgorithm: HMACSHA256
                  tsigSecretSecretRef:
                    name: tsig
                    key: tsig-secret-key
        """;

    private static (string Cert, string Key) NewCa(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(30));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
