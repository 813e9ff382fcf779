using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertOperator.Testing;

namespace CertOperator.Tests.EndToEnd;

/// <summary>
/// The certificate pipeline end to end on SelfSigned and CA issuers: a control plane, the operator as a
/// separate process, objects applied with the real kubectl. Run on both control planes below.
/// </summary>
public abstract class CertificatePipelineTests<TEnvironment>(TEnvironment env) : IClassFixture<TEnvironment>
    where TEnvironment : OperatorEnvironment
{
    protected TEnvironment Env => env;

    private async Task<IssuedSecret> SecretAsync(string name, string ns = "default") =>
        IssuedSecret.From(await env.GetJsonAsync("secret", name, ns));

    private async Task<int> RevisionAsync(string name, string ns = "default") =>
        (await env.GetJsonAsync("certificate", name, ns))["status"]?["revision"]?.GetValue<int>() ?? 0;

    protected async Task EnsureIssuersAsync()
    {
        await env.ApplyAsync(Manifests.SelfSignedClusterIssuer("selfsigned"));
        await env.ApplyAsync(Manifests.CaCertificate("root-ca", OperatorEnvironment.ClusterResourceNamespace, "selfsigned"));
        await env.WaitForConditionAsync("certificate", "root-ca", OperatorEnvironment.ClusterResourceNamespace);
        await env.ApplyAsync(Manifests.CaIssuer("ClusterIssuer", "root-ca", "root-ca"));
        await env.WaitForConditionAsync("clusterissuer", "root-ca", "");
    }

    [Fact]
    public async Task SelfSigned_and_CA_issuers_issue_certificates_with_the_requested_names_and_keys()
    {
        await EnsureIssuersAsync();
        await env.ApplyAsync(Manifests.Namespace("team-a"));
        await env.ApplyAsync(Manifests.CaCertificate("team-a-ca", "team-a", "selfsigned"));
        await env.WaitForConditionAsync("certificate", "team-a-ca", "team-a");
        await env.ApplyAsync(Manifests.CaIssuer("Issuer", "team-a-ca", "team-a-ca", "team-a"));
        await env.WaitForConditionAsync("issuer", "team-a-ca", "team-a");

        await env.ApplyAsync(Manifests.Certificate("self", "default", "ClusterIssuer", "selfsigned", ["self.example.com"]));
        await env.ApplyAsync(Manifests.Certificate("web", "default", "ClusterIssuer", "root-ca", ["web.example.com", "www.example.com"], """
            privateKey:
              algorithm: ECDSA
              size: 384
              encoding: PKCS8
            """));
        await env.ApplyAsync(Manifests.Certificate("api", "team-a", "Issuer", "team-a-ca", ["api.team-a.example.com"], """
            privateKey:
              algorithm: RSA
              size: 3072
            """));
        await env.WaitForConditionAsync("certificate", "self");
        await env.WaitForConditionAsync("certificate", "web");
        await env.WaitForConditionAsync("certificate", "api", "team-a");

        using (var self = await SecretAsync("self-tls"))
        {
            self.DnsNames.Should().BeEquivalentTo("self.example.com");
            self.ChainVerifies(out var problems).Should().BeTrue(problems);
            self.TlsKey.Should().StartWith("-----BEGIN RSA PRIVATE KEY-----", "PKCS1 is the default encoding");
            self.Json["type"]!.GetValue<string>().Should().Be("kubernetes.io/tls");
            self.Json["metadata"]!["annotations"]!["cert-manager.io/issuer-kind"]!.GetValue<string>().Should().Be("ClusterIssuer");
        }

        using (var web = await SecretAsync("web-tls"))
        {
            web.DnsNames.Should().BeEquivalentTo("web.example.com", "www.example.com");
            web.ChainVerifies(out var problems).Should().BeTrue(problems);
            web.Leaf.Issuer.Should().Contain("root-ca");
            web.TlsKey.Should().StartWith("-----BEGIN PRIVATE KEY-----");
            using var key = ECDsa.Create();
            key.ImportFromPem(web.TlsKey);
            key.KeySize.Should().Be(384);
            web.Json["metadata"]!["annotations"]!["cert-manager.io/alt-names"]!.GetValue<string>().Should().Be("web.example.com,www.example.com");
        }

        using (var api = await SecretAsync("api-tls", "team-a"))
        {
            api.ChainVerifies(out var problems).Should().BeTrue(problems);
            api.Leaf.Issuer.Should().Contain("team-a-ca");
            api.Leaf.GetRSAPublicKey()!.KeySize.Should().Be(3072);
        }

        var table = await env.KubectlAsync("get", "certificates", "-n", "default");
        table.Should().MatchRegex(@"NAME\s+READY\s+SECRET\s+EXPIRATION\s+AGE");
        table.Should().MatchRegex(@"web\s+True\s+web-tls\s+\d");
    }

    [Fact]
    public async Task Short_lived_certificate_is_renewed_on_time_and_old_requests_are_trimmed()
    {
        await EnsureIssuersAsync();
        await env.ApplyAsync(Manifests.Certificate("short", "default", "ClusterIssuer", "root-ca", ["short.example.com"], """
            duration: 1h
            renewBefore: 59m57s
            revisionHistoryLimit: 1
            """));
        await env.WaitForConditionAsync("certificate", "short");
        using var first = await SecretAsync("short-tls");

        await env.EventuallyAsync(() => RevisionAsync("short"), r => r >= 3, TimeSpan.FromSeconds(45), "two renewals of a certificate renewing 3 s after issue");

        using var later = await SecretAsync("short-tls");
        later.Leaf.SerialNumber.Should().NotBe(first.Leaf.SerialNumber);
        var requests = await env.KubectlAsync("get", "certificaterequests", "-n", "default", "-o", "name");
        var forShort = requests.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(n => n.Contains("/short-", StringComparison.Ordinal)).ToList();
        forShort.Should().HaveCountLessThanOrEqualTo(2, "revisionHistoryLimit 1 keeps the current revision (plus at most the one being issued)");
        forShort.Should().NotContain("certificaterequest.cert-manager.io/short-1");
    }

    [Fact]
    public async Task Changing_dnsNames_reissues_and_manual_renew_bypasses_backoff()
    {
        await EnsureIssuersAsync();
        await env.ApplyAsync(Manifests.Certificate("edit", "default", "ClusterIssuer", "root-ca", ["one.example.com"]));
        await env.WaitForConditionAsync("certificate", "edit");

        await env.ApplyAsync(Manifests.Certificate("edit", "default", "ClusterIssuer", "root-ca", ["one.example.com", "two.example.com"]));
        using (var secret = await env.EventuallyAsync(() => SecretAsync("edit-tls"), s => s.DnsNames.Count == 2, TimeSpan.FromSeconds(30), "reissue with the new name"))
        {
            secret.DnsNames.Should().BeEquivalentTo("one.example.com", "two.example.com");
        }

        var revision = await env.EventuallyAsync(() => RevisionAsync("edit"), r => r == 2, TimeSpan.FromSeconds(30), "revision 2");

        // A recent failure puts the Certificate in backoff: a spec change alone must not issue for an hour.
        var failedAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        await env.KubectlAsync("patch", "certificate", "edit", "--subresource=status", "--type=merge",
            "-p", $$$"""{"status":{"lastFailureTime":"{{{failedAt}}}","failedIssuanceAttempts":1}}""");
        await env.ApplyAsync(Manifests.Certificate("edit", "default", "ClusterIssuer", "root-ca", ["one.example.com", "three.example.com"]));
        await Task.Delay(TimeSpan.FromSeconds(3));
        (await RevisionAsync("edit")).Should().Be(revision, "backoff holds automatic reissuance");

        // What `renew` (cmctl renew) does: set Issuing=True with reason ManuallyTriggered.
        var edit = await env.GetJsonAsync("certificate", "edit");
        var conditions = edit["status"]!["conditions"]!.AsArray().Select(c => c!.DeepClone()).ToList();
        conditions.Add(new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "Issuing", ["status"] = "True", ["reason"] = "ManuallyTriggered",
            ["message"] = "Certificate re-issuance manually triggered", ["lastTransitionTime"] = failedAt,
        });
        var patch = new System.Text.Json.Nodes.JsonObject { ["status"] = new System.Text.Json.Nodes.JsonObject { ["conditions"] = new System.Text.Json.Nodes.JsonArray([.. conditions]) } };
        await env.KubectlAsync("patch", "certificate", "edit", "--subresource=status", "--type=merge", "-p", patch.ToJsonString());

        await env.EventuallyAsync(() => RevisionAsync("edit"), r => r == revision + 1, TimeSpan.FromSeconds(30), "manual renewal during backoff");
        using var renewed = await SecretAsync("edit-tls");
        renewed.DnsNames.Should().BeEquivalentTo("one.example.com", "three.example.com");
    }

    [Fact]
    public async Task Sigkill_mid_issuance_loses_nothing_and_duplicates_nothing()
    {
        await EnsureIssuersAsync();
        await env.ApplyAsync(Manifests.Namespace("crash"));
        var names = Enumerable.Range(0, 20).Select(i => $"c{Manifests.Int(i)}").ToList();
        await env.ApplyAsync(string.Join("\n---\n", names.Select(n => Manifests.Certificate(n, "crash", "ClusterIssuer", "root-ca", [$"{n}.example.com"]))));
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        await env.RestartOperatorAfterKillAsync();

        foreach (var name in names)
        {
            await env.WaitForConditionAsync("certificate", name, "crash", timeoutSeconds: 90);
        }

        var requests = (await env.KubectlAsync("get", "certificaterequests", "-n", "crash", "-o", "name"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in names)
        {
            var revision = await RevisionAsync(name, "crash");
            revision.Should().Be(1, $"{name} was issued once");
            requests.Where(r => r.StartsWith($"certificaterequest.cert-manager.io/{name}-", StringComparison.Ordinal))
                .Should().Equal([$"certificaterequest.cert-manager.io/{name}-1"], "exactly one CertificateRequest per revision");
        }

        var leftovers = await env.KubectlAsync("get", "secrets", "-n", "crash", "-l", "cert-manager.io/next-private-key=true", "-o", "name");
        leftovers.Trim().Should().BeEmpty("temporary next-key Secrets are removed once issuance completes");
    }

    [Fact]
    public async Task A_certificate_with_the_longest_allowed_name_derives_names_that_fit()
    {
        await EnsureIssuersAsync();
        var name = string.Join('.', Enumerable.Repeat(new string('l', 62), 4)) + "-x";
        name.Should().HaveLength(253);
        await env.ApplyAsync(Manifests.Certificate(name, "default", "ClusterIssuer", "root-ca", ["long.example.com"], secretName: "long-name-tls"));
        await env.WaitForConditionAsync("certificate", name);

        using (var secret = await SecretAsync("long-name-tls"))
        {
            secret.DnsNames.Should().BeEquivalentTo("long.example.com");
        }

        var requests = (await env.KubectlAsync("get", "certificaterequests", "-n", "default", "-o", "name"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r["certificaterequest.cert-manager.io/".Length..])
            .Where(r => r.StartsWith(new string('l', 62), StringComparison.Ordinal))
            .ToList();
        requests.Should().ContainSingle().Which.Should().HaveLength(253).And.EndWith("-1");
        var events = await env.KubectlAsync("get", "events", "-n", "default", "--field-selector", $"involvedObject.name={name}", "-o", "jsonpath={.items[*].reason}");
        events.Should().Contain("Issuing", "events about a Certificate with a long name are recorded too");
    }

    [Fact]
    public async Task Ed25519_certificates_from_SelfSigned_and_CA_issuers_verify_with_openssl()
    {
        await EnsureIssuersAsync();
        const string ed25519 = """
            privateKey:
              algorithm: Ed25519
            """;
        await env.ApplyAsync(Manifests.Certificate("ed-self", "default", "ClusterIssuer", "selfsigned", ["ed-self.example.com"], ed25519));
        await env.ApplyAsync(Manifests.Certificate("ed-ca", "default", "ClusterIssuer", "root-ca", ["ed-ca.example.com"], ed25519));
        await env.WaitForConditionAsync("certificate", "ed-self");
        await env.WaitForConditionAsync("certificate", "ed-ca");

        foreach (var name in new[] { "ed-self-tls", "ed-ca-tls" })
        {
            using var secret = await SecretAsync(name);
            secret.TlsKey.Should().StartWith("-----BEGIN PRIVATE KEY-----");
            var dir = Directory.CreateTempSubdirectory("ed25519-e2e-").FullName;
            await File.WriteAllTextAsync(Path.Combine(dir, "ca.crt"), secret.Json["data"]!["ca.crt"]!.GetValue<string>() is { } ca ? System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(ca)) : "");
            await File.WriteAllTextAsync(Path.Combine(dir, "tls.crt"), System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(secret.Json["data"]!["tls.crt"]!.GetValue<string>())));
            var verify = await ExternalCommand.RunAsync("openssl", ["verify", "-CAfile", Path.Combine(dir, "ca.crt"), Path.Combine(dir, "tls.crt")]);
            (verify.StdOut + verify.StdErr).Should().Contain(": OK", $"{name} must verify against its ca.crt");
            var text = await ExternalCommand.RunAsync("openssl", ["x509", "-noout", "-text", "-in", Path.Combine(dir, "tls.crt")]);
            text.StdOut.Should().Contain("ED25519", $"{name} carries an Ed25519 public key");
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_literal_keystore_password_and_a_signature_algorithm_are_honoured()
    {
        await EnsureIssuersAsync();
        await env.ApplyAsync(Manifests.Certificate("literal-p12", "default", "ClusterIssuer", "selfsigned", ["p12.example.com"], """
            privateKey:
              algorithm: ECDSA
              size: 256
            signatureAlgorithm: ECDSAWithSHA384
            keystores:
              pkcs12:
                create: true
                password: changeit
                profile: Modern2023
            """));
        await env.WaitForConditionAsync("certificate", "literal-p12");

        using var secret = await SecretAsync("literal-p12-tls");
        var p12 = Convert.FromBase64String(secret.Json["data"]!["keystore.p12"]!.GetValue<string>());
        using var opened = X509CertificateLoader.LoadPkcs12(p12, "changeit");
        opened.HasPrivateKey.Should().BeTrue("the keystore opens with the literal password and holds the key");
        opened.Thumbprint.Should().Be(secret.Leaf.Thumbprint);
        secret.Leaf.SignatureAlgorithm.FriendlyName.Should().Be("sha256ECDSA", "as cert-manager, the issuer signs with its own key's algorithm (here the P-256 key itself)");
        var csr = System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(
            (await env.GetJsonAsync("certificaterequest", "literal-p12-1"))["spec"]!["request"]!.GetValue<string>()));
        var csrFile = Path.Combine(Directory.CreateTempSubdirectory("csr-").FullName, "request.csr");
        await File.WriteAllTextAsync(csrFile, csr);
        (await ExternalCommand.RunAsync("openssl", ["req", "-noout", "-text", "-in", csrFile])).StdOut
            .Should().Contain("Signature Algorithm: ecdsa-with-SHA384", "signatureAlgorithm chooses how the CSR is signed");
    }
}
