using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Crds.Certificates;
using CertOperator.Generation;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using CertOperator.Testing.RealKube;
using CertOperator.Webhook.Serving;

namespace CertOperator.Tests.Webhook;

/// <summary>The webhook behind a real kube-apiserver 1.24: what `kubectl` users see at apply time.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class KubeApiServerWebhookTests(WebhookCluster cluster) : IClassFixture<WebhookCluster>
{
    private const string Ns = WebhookCluster.Namespace;

    [Fact]
    public async Task An_invalid_Certificate_is_refused_by_kubectl_apply_with_the_webhooks_message()
    {
        var manifest = cluster.Write("bad-certificate.yaml", $"""
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: bad
              namespace: {Ns}
            spec:
              secretName: bad-tls
              dnsNames: ["bad name.example.com"]
              issuerRef:
                name: ca
            """);

        var result = await cluster.KubectlAsync("apply", "-f", manifest);

        result.ExitCode.Should().NotBe(0);
        result.StdErr.Should().Contain("admission webhook \"webhook.cert-manager.io\" denied the request: spec.dnsNames[0]: Invalid value: \"bad name.example.com\" contains whitespace");
        (await cluster.KubectlAsync("get", "certificate", "bad", "-n", Ns)).ExitCode.Should().NotBe(0, "nothing was stored");
    }

    [Fact]
    public async Task A_valid_Certificate_is_admitted_and_the_operator_namespace_is_not_validated()
    {
        var good = await cluster.KubectlAsync("apply", "-f", cluster.Write("good-certificate.yaml", Certificate("good", Ns, "good.example.com")));
        var exempt = await cluster.KubectlAsync("apply", "-f", cluster.Write("exempt-certificate.yaml", Certificate("exempt", RealKubeApiServer.OperatorNamespace, "bad name")));

        good.ExitCode.Should().Be(0, good.StdErr);
        exempt.ExitCode.Should().Be(0, $"no validation in a namespace labelled cert-manager.io/disable-validation=true: {exempt.StdErr}");
    }

    [Fact]
    public async Task A_CertificateRequest_carries_its_requesters_name_and_groups_whatever_they_wrote()
    {
        await GrantAsync("requester", "alice", """
            - apiGroups: ["cert-manager.io"]
              resources: ["certificaterequests"]
              verbs: ["create", "get", "list"]
            """);
        var manifest = cluster.Write("alice-request.yaml", $"""
            apiVersion: cert-manager.io/v1
            kind: CertificateRequest
            metadata:
              name: from-alice
              namespace: {Ns}
            spec:
              issuerRef:
                name: ca
              request: {WebhookCluster.Csr("alice.example.com")}
              username: mallory
              groups: ["system:masters"]
            """);

        var created = await cluster.KubectlAsync("--as=alice", "--as-group=team-a", "create", "-f", manifest);
        var wide = await cluster.KubectlAsync("get", "certificaterequests", "from-alice", "-n", Ns, "-o", "wide");
        var groups = await cluster.KubectlAsync("get", "certificaterequests", "from-alice", "-n", Ns, "-o", "jsonpath={.spec.groups}");

        created.ExitCode.Should().Be(0, created.StdErr);
        wide.StdOut.Should().Contain("REQUESTER");
        wide.StdOut.Split('\n')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().Contain("alice").And.NotContain("mallory");
        groups.StdOut.Should().Contain("team-a").And.Contain("system:authenticated").And.NotContain("system:masters");
    }

    [Fact]
    public async Task Only_a_user_allowed_to_approve_the_signer_may_set_Approved_and_it_never_changes_after()
    {
        var status = """
            - apiGroups: ["cert-manager.io"]
              resources: ["certificaterequests", "certificaterequests/status"]
              verbs: ["get", "patch", "update"]
            """;
        await GrantAsync("status-writer", "carol", status);
        await GrantAsync("approver", "dave", status + "\n" + $"""
            - apiGroups: ["cert-manager.io"]
              resources: ["signers"]
              verbs: ["approve"]
              resourceNames: ["issuers.cert-manager.io/{Ns}.approvable"]
            """);
        var request = cluster.Write("to-approve.yaml", $"""
            apiVersion: cert-manager.io/v1
            kind: CertificateRequest
            metadata:
              name: to-approve
              namespace: {Ns}
            spec:
              issuerRef:
                name: approvable
              request: {WebhookCluster.Csr("approve.example.com")}
            """);
        (await cluster.KubectlAsync("create", "-f", request)).ExitCode.Should().Be(0);
        const string approve = """{"status":{"conditions":[{"type":"Approved","status":"True","reason":"test","message":"ok"}]}}""";

        var byCarol = await PatchStatusAsync("carol", approve);
        var byDave = await PatchStatusAsync("dave", approve);
        var removed = await PatchStatusAsync("dave", """{"status":{"conditions":[]}}""");
        var alsoDenied = await PatchStatusAsync("dave",
            """{"status":{"conditions":[{"type":"Approved","status":"True","reason":"test","message":"ok"},{"type":"Denied","status":"True","reason":"test","message":"no"}]}}""");

        byCarol.ExitCode.Should().NotBe(0);
        byCarol.StdErr.Should().Contain("status.conditions: Forbidden: user \"carol\" does not have permissions to set approved/denied conditions for issuer {approvable  }");
        byDave.ExitCode.Should().Be(0, byDave.StdErr);
        removed.StdErr.Should().Contain("'Approved' condition may not be modified once set");
        alsoDenied.StdErr.Should().Contain("both 'Denied' and 'Approved' conditions cannot coexist");
        (await cluster.KubectlAsync("get", "certificaterequest", "to-approve", "-n", Ns, "-o", "jsonpath={.status.conditions[0].type}={.status.conditions[0].status}"))
            .StdOut.Should().Be("Approved=True");
    }

    [Fact]
    public async Task The_CA_and_serving_certificate_rotate_without_a_failed_admission()
    {
        var cas = new HashSet<string>();
        var served = new HashSet<string>();
        var failures = new List<string>();
        var admitted = 0;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        for (var i = 0; DateTimeOffset.UtcNow < deadline && (cas.Count < 2 || served.Count < 4); i++)
        {
            var secret = await cluster.Admin.GetAsync<Secret>(RealKubeApiServer.OperatorNamespace, OperatorPermissions.WebhookCaSecret);
            cas.Add(Convert.ToHexString(SHA256.HashData(secret.Data![CaSecret.CertificateKey])));
            served.Add(await ServedSerialAsync(secret.Data[CaSecret.BundleKey]));
            try
            {
                await cluster.Admin.CreateAsync(Gen.Certificate($"rotation-{i}", Ns, s => s.DnsNames = ["bad name"]));
                failures.Add($"rotation-{i}: an invalid Certificate was admitted");
            }
            catch (KubernetesApiException e) when (e.Message.Contains("denied the request", StringComparison.Ordinal))
            {
                admitted++;
            }
            catch (KubernetesApiException e)
            {
                failures.Add($"rotation-{i}: {e.Message}");
            }

            await Task.Delay(250);
        }

        failures.Should().BeEmpty("every admission during rotation reaches the webhook over TLS the API server trusts");
        cas.Count.Should().BeGreaterThanOrEqualTo(2, "the 45 s CA is renewed with a third of its life left");
        served.Count.Should().BeGreaterThanOrEqualTo(4, "the 15 s serving certificate is reissued without a restart");
        admitted.Should().BeGreaterThan(50);
    }

    [Fact]
    public async Task Health_is_served_in_plain_HTTP_on_its_own_port_and_admission_only_over_TLS()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{cluster.HealthPort}") };

        (await http.GetStringAsync("/readyz")).Should().Be("ok", "a serving certificate is loaded");
        (await http.GetStringAsync("/livez")).Should().Be("ok");
        (await http.PostAsync("/validate", new StringContent("{}"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<CertOperator.Testing.ExternalCommand.Result> PatchStatusAsync(string user, string patch) =>
        await cluster.KubectlAsync($"--as={user}", "patch", "certificaterequest", "to-approve", "-n", Ns, "--subresource=status", "--type=merge", "-p", patch);

    private async Task GrantAsync(string role, string user, string rules)
    {
        var manifest = cluster.Write($"{role}.yaml", $"""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: webhook-e2e-{role}
            rules:
            {rules}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: webhook-e2e-{role}
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: webhook-e2e-{role}
            subjects:
              - apiGroup: rbac.authorization.k8s.io
                kind: User
                name: {user}
            """);
        await cluster.Kube.KubectlAsync(["apply", "-f", manifest], CancellationToken.None);
    }

    private static string Certificate(string name, string ns, string dnsName) => $"""
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          secretName: {name}-tls
          dnsNames: ["{dnsName}"]
          issuerRef:
            name: ca
        """;

    /// <summary>The serial of the certificate the webhook serves now, which must chain to the published CA bundle.</summary>
    private async Task<string> ServedSerialAsync(byte[] bundle)
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.ImportFromPem(Encoding.ASCII.GetString(bundle));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, cluster.SecurePort);
        await using var tls = new SslStream(tcp.GetStream(), false);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1",
            CertificateChainPolicy = policy,
        });
        return tls.RemoteCertificate!.GetSerialNumberString();
    }
}
