using System.Text.Json.Nodes;
using CertOperator.Testing.DnsFakes;
using CertOperator.Tests.Acme.Dns01.Providers.Fakes;

namespace CertOperator.Tests.EndToEnd.DnsProviders;

/// <summary>
/// route53, cloudDNS, azureDNS and akamai end to end: the operator calls each provider's fake (which verifies its
/// signatures or tokens and writes into bind9), pebble validates a wildcard Certificate's two DNS-01 challenges at
/// the same name; errors show on the Challenge; no credential reaches the operator's log or Events.
/// </summary>
public sealed class ApiDnsProvidersEndToEndTests(ApiDnsProvidersEndToEndTests.Environment env) : IClassFixture<ApiDnsProvidersEndToEndTests.Environment>
{
    private const string AwsSecret = "e2e-aws-secret-access-key";
    private const string AzureSecret = "e2e-azure-client-secret";
    private const string AkamaiSecret = "e2e-akamai-client-secret=";

    [Fact]
    public async Task Route53_issues_a_wildcard_certificate_and_rides_out_throttling()
    {
        await env.Cluster.ApplyAsync(Manifests.Secret("aws", "default", "Opaque", new Dictionary<string, string> { ["secret-access-key"] = AwsSecret }));
        await env.ApplyIssuerAsync("route53", "default", """
            route53:
              region: eu-west-1
              accessKeyID: AKIDE2E
              secretAccessKeySecretRef:
                name: aws
                key: secret-access-key
            """);
        env.Route53.ThrottleWith429 = true;
        env.Route53.ThrottleNext = 1;

        using var secret = await env.IssueWildcardAsync("r53", "default", "route53", "r53.example.test");

        secret.DnsNames.Should().BeEquivalentTo("r53.example.test", "*.r53.example.test");
        env.Route53.Requests.Should().Contain(r => r.Contains("-> 429", StringComparison.Ordinal));
        await env.WaitForNoTxtAsync("_acme-challenge.r53.example.test");
        await AssertNoCredentialLeakedAsync();
    }

    [Fact]
    public async Task Route53_bad_credentials_show_on_the_challenge()
    {
        await env.Cluster.ApplyAsync(Manifests.Secret("aws-bad", "default", "Opaque", new Dictionary<string, string> { ["secret-access-key"] = "wrong-e2e-aws-secret" }));
        await env.ApplyIssuerAsync("route53-bad", "default", """
            route53:
              accessKeyID: AKIDE2E
              secretAccessKeySecretRef:
                name: aws-bad
                key: secret-access-key
            """);

        await env.ApplyWildcardAsync("r53-bad", "default", "route53-bad", "r53bad.example.test");

        var reason = await env.WaitForChallengeReasonAsync("default", "SignatureDoesNotMatch");
        reason.Should().Contain("route53").And.NotContain("wrong-e2e-aws-secret");
        (await ReadyMessageContainingAsync("r53-bad", "SignatureDoesNotMatch")).Should().Contain("challenge for r53bad.example.test");
        await AssertNoCredentialLeakedAsync("wrong-e2e-aws-secret");
    }

    [Fact]
    public async Task CloudDns_issues_a_wildcard_certificate_with_a_service_account_key()
    {
        await env.Cluster.ApplyAsync(Manifests.Secret("gcp", "default", "Opaque", new Dictionary<string, string> { ["key.json"] = env.CloudDns.KeyJson() }));
        await env.ApplyIssuerAsync("clouddns", "default", """
            cloudDNS:
              project: dns-project
              serviceAccountSecretRef:
                name: gcp
                key: key.json
            """);

        using var secret = await env.IssueWildcardAsync("gcp", "default", "clouddns", "gcp.example.test");

        secret.DnsNames.Should().BeEquivalentTo("gcp.example.test", "*.gcp.example.test");
        env.CloudDns.Requests.Should().Contain("POST /token -> 200");
        await AssertNoCredentialLeakedAsync("PRIVATE KEY");
    }

    [Fact]
    public async Task AzureDns_issues_a_wildcard_certificate_with_a_service_principal()
    {
        await env.Cluster.ApplyAsync(Manifests.Secret("azure", "default", "Opaque", new Dictionary<string, string> { ["client-secret"] = AzureSecret }));
        await env.ApplyIssuerAsync("azuredns", "default", """
            azureDNS:
              clientID: client-1
              tenantID: tenant-1
              clientSecretSecretRef:
                name: azure
                key: client-secret
              subscriptionID: sub-1
              resourceGroupName: dns-rg
            """);

        using var secret = await env.IssueWildcardAsync("az", "default", "azuredns", "az.example.test");

        secret.DnsNames.Should().BeEquivalentTo("az.example.test", "*.az.example.test");
        await AssertNoCredentialLeakedAsync();
    }

    [Fact]
    public async Task AzureDns_zone_not_found_shows_on_the_challenge()
    {
        await env.Cluster.ApplyAsync(Manifests.Secret("azure", "default", "Opaque", new Dictionary<string, string> { ["client-secret"] = AzureSecret }));
        await env.ApplyIssuerAsync("azuredns-other-rg", "default", """
            azureDNS:
              clientID: client-1
              tenantID: tenant-1
              clientSecretSecretRef:
                name: azure
                key: client-secret
              subscriptionID: sub-1
              resourceGroupName: other-rg
            """);

        await env.ApplyWildcardAsync("az-missing", "default", "azuredns-other-rg", "azmissing.example.test");

        (await env.WaitForChallengeReasonAsync("default", "no DNS zone in resource group other-rg")).Should()
            .Contain("encloses _acme-challenge.azmissing.example.test.");
        (await ReadyMessageContainingAsync("az-missing", "no DNS zone in resource group other-rg")).Should().Contain("challenge for azmissing.example.test");
    }

    [Fact]
    public async Task Akamai_issues_a_wildcard_certificate_with_edgegrid_credentials()
    {
        await env.Cluster.ApplyAsync(Manifests.Secret("akamai", "default", "Opaque", new Dictionary<string, string>
        {
            ["client-token"] = "akab-e2e-client-token",
            ["client-secret"] = AkamaiSecret,
            ["access-token"] = "akab-e2e-access-token",
        }));
        await env.ApplyIssuerAsync("akamai", "default", """
            akamai:
              serviceConsumerDomain: akab-e2e.luna.akamaiapis.net
              clientTokenSecretRef:
                name: akamai
                key: client-token
              clientSecretSecretRef:
                name: akamai
                key: client-secret
              accessTokenSecretRef:
                name: akamai
                key: access-token
            """);

        using var secret = await env.IssueWildcardAsync("akamai", "default", "akamai", "akamai.example.test");

        secret.DnsNames.Should().BeEquivalentTo("akamai.example.test", "*.akamai.example.test");
        await AssertNoCredentialLeakedAsync();
    }

    /// <summary>The Certificate's Ready message once it carries <paramref name="text"/> (from its Challenge, through request and Order).</summary>
    private Task<string> ReadyMessageContainingAsync(string certificate, string text) =>
        env.Cluster.EventuallyAsync(
            () => env.ReadyMessageAsync(certificate, "default"),
            m => m.Contains(text, StringComparison.Ordinal),
            TimeSpan.FromSeconds(60),
            $"Certificate {certificate}'s Ready message to contain \"{text}\"");

    private async Task AssertNoCredentialLeakedAsync(params string[] more)
    {
        var events = await env.Cluster.KubectlAsync("get", "events", "-A", "-o", "json");
        var challenges = await env.Cluster.KubectlAsync("get", "challenges", "-A", "-o", "json");
        foreach (var credential in new[] { AwsSecret, AzureSecret, AkamaiSecret }.Concat(more))
        {
            env.Cluster.OperatorLog.Should().NotContain(credential);
            events.Should().NotContain(credential);
            challenges.Should().NotContain(credential);
        }

        JsonNode.Parse(events).Should().NotBeNull();
        env.Route53.Received(AwsSecret).Should().BeFalse("SigV4 never sends the secret key");
        env.Akamai.Received(AkamaiSecret).Should().BeFalse("EdgeGrid never sends the client secret");
    }

    public sealed class Environment : DnsProviderEnvironment
    {
        public Route53Fake Route53 { get; private set; } = null!;

        public CloudDnsFake CloudDns { get; private set; } = null!;

        public AzureDnsFake Azure { get; private set; } = null!;

        public AkamaiFake Akamai { get; private set; } = null!;

        protected override async Task<IReadOnlyList<string>> StartFakesAsync(BindTxtZone zone, CancellationToken ct)
        {
            Route53 = await Route53Fake.StartAsync("AKIDE2E", AwsSecret);
            Route53.AddZone(zone.Zone);
            CloudDns = await CloudDnsFake.StartAsync();
            CloudDns.AddZone("example-test", zone.Zone);
            Azure = await AzureDnsFake.StartAsync(AzureSecret);
            Azure.AddZone(zone.Zone);
            Akamai = await AkamaiFake.StartAsync("akab-e2e-client-token", AkamaiSecret, "akab-e2e-access-token");
            Akamai.AddZone(zone.Zone);
            foreach (var fake in new ProviderFake[] { Route53, CloudDns, Azure, Akamai })
            {
                fake.Txt.Changed = (fqdn, values) => SyncAsync(zone, fqdn, values);
            }

            return
            [
                $"route53={Route53.BaseUri}", $"route53-sts={Route53.StsUri}", $"cloudDNS={CloudDns.BaseUri}",
                $"azureDNS={Azure.BaseUri}", $"azuredns-login={Azure.BaseUri}", $"akamai={Akamai.BaseUri}",
            ];
        }

        protected override async ValueTask StopFakesAsync()
        {
            foreach (var fake in new ProviderFake?[] { Route53, CloudDns, Azure, Akamai })
            {
                if (fake is not null)
                {
                    await fake.DisposeAsync();
                }
            }
        }

        /// <summary>
        /// Makes bind9 answer exactly <paramref name="values"/> at <paramref name="fqdn"/>. A dig or update that times
        /// out on a loaded machine is tried again: the fake has already stored the change, so the operator's retry
        /// would find it made and never send it again, leaving bind9 behind for good.
        /// </summary>
        private static async Task SyncAsync(BindTxtZone zone, string fqdn, IReadOnlyList<string> values)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var current = await zone.ValuesAsync(fqdn, CancellationToken.None);
                    foreach (var stale in current.Except(values))
                    {
                        await zone.RemoveAsync(fqdn, stale, CancellationToken.None);
                    }

                    foreach (var fresh in values.Except(current))
                    {
                        await zone.AddAsync(fqdn, fresh, 60, CancellationToken.None);
                    }

                    return;
                }
                catch (Exception e) when (attempt < 5 && e is not OperationCanceledException)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt));
                }
            }
        }
    }
}
