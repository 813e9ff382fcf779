using System.Text.Json;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Orders;
using CertOperator.Crds.Tests.Support;
using CertOperator.Crds.WellKnown;

namespace CertOperator.Crds.Tests.Serialization;

/// <summary>Samples land in the typed properties reconcilers read, with cert-manager's JSON names.</summary>
public sealed class TypedModelTests
{
    private static T Read<T>(string file, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
        JsonSerializer.Deserialize(YamlJson.ParseFile(Path.Combine("TestData", file)).ToJsonString(), info)!;

    [Fact]
    public void Certificate_fields_map_to_typed_properties()
    {
        var cert = Read("certificate-full.yaml", Certificate.JsonTypeInfo);

        cert.Spec.IssuerRef.Kind.Should().Be("ClusterIssuer");
        cert.Spec.PrivateKey!.Algorithm.Should().Be("ECDSA");
        cert.Spec.PrivateKey.Size.Should().Be(384);
        cert.Spec.Uris.Should().Equal("spiffe://cluster.local/ns/prod/sa/web");
        cert.Spec.IsCA.Should().BeFalse();
        cert.Spec.Keystores!.Jks!.Alias.Should().Be("web");
        cert.Spec.Usages.Should().Contain(KeyUsages.ServerAuth);
        cert.Status!.NotAfter.Should().Be(new DateTimeOffset(2026, 4, 2, 2, 4, 5, TimeSpan.Zero));
        cert.Status.Revision.Should().Be(4);
        cert.Status.Conditions!.Single(c => c.Type == ConditionTypes.Ready).Status.Should().Be("True");
        cert.Metadata.Annotations.Should().ContainKey(CertManagerAnnotations.IssueTemporaryCertificate);
    }

    [Fact]
    public void Acme_solvers_keep_provider_settings_and_free_form_webhook_config()
    {
        var issuer = Read("clusterissuer-acme.yaml", ClusterIssuer.JsonTypeInfo);
        var acme = issuer.Spec.Acme!;

        acme.ExternalAccountBinding!.KeyId.Should().Be("kid-1234");
        acme.Solvers![0].Http01!.Ingress!.PodTemplate!.Spec!.Tolerations![1].TolerationSeconds.Should().Be(30);
        acme.Solvers[1].Dns01!.Rfc2136!.TsigSecretSecretRef!.Key.Should().Be("tsig-secret-key");
        acme.Solvers[1].Selector!.MatchLabels.Should().Contain("use-rfc2136", "true");
        acme.Solvers[2].Dns01!.Webhook!.Config!.Value.GetProperty("zones")[0].GetProperty("weight").GetDouble().Should().Be(1.5);
        acme.Solvers[4].Dns01!.Route53!.HostedZoneId.Should().Be("Z2ABCDEFGHIJKL");
        acme.Solvers[5].Dns01!.AcmeDns!.AccountSecretRef.Name.Should().Be("acme-dns");
        issuer.Status!.Acme!.Uri.Should().EndWith("/acct/123456");
    }

    [Fact]
    public void Cloud_dns_providers_and_gateway_routes_are_typed()
    {
        var solvers = Read("issuer-dns-providers.yaml", Issuer.JsonTypeInfo).Spec.Acme!.Solvers!;

        solvers[0].Dns01!.CloudDns!.Project.Should().Be("example-project");
        solvers[1].Dns01!.AzureDns!.ManagedIdentity!.ClientId.Should().Be("00000000-0000-0000-0000-000000000002");
        solvers[2].Dns01!.AzureDns!.TenantId.Should().Be("00000000-0000-0000-0000-000000000004");
        solvers[3].Dns01!.DigitalOcean!.TokenSecretRef.Key.Should().Be("access-token");
        solvers[4].Dns01!.Akamai!.AccessTokenSecretRef.Name.Should().Be("akamai");
        solvers[5].Dns01!.Route53!.Auth!.Kubernetes.ServiceAccountRef.Audiences.Should().Equal("sts.amazonaws.com");
        solvers[6].Http01!.GatewayHttpRoute!.ParentRefs![0].Port.Should().Be(80);
    }

    [Fact]
    public void Order_and_challenge_progress_is_typed()
    {
        var order = Read("order.yaml", Order.JsonTypeInfo);
        var challenge = Read("challenge.yaml", Challenge.JsonTypeInfo);

        order.Status!.FinalizeUrl.Should().EndWith("/finalize/123456/789");
        order.Status.State.Should().Be(AcmeStates.Pending);
        order.Status.Authorizations![0].Challenges!.Select(c => c.Type).Should().Equal("http-01", "dns-01");
        order.Status.Authorizations[1].Challenges.Should().BeNull();
        challenge.Spec.AuthorizationUrl.Should().EndWith("/authz/123456/2");
        challenge.Spec.Solver.Dns01!.Webhook!.SolverName.Should().Be("exampledns");
        challenge.Status!.Presented.Should().BeTrue();
    }

    [Fact]
    public void CertificateRequest_keeps_requester_identity_and_results()
    {
        var request = Read("certificaterequest.yaml", CertificateRequest.JsonTypeInfo);

        request.Spec.Extra!["authentication.kubernetes.io/pod-name"].Should().Equal("cert-manager-7d9f8c6b5-abcde");
        request.Status!.Conditions!.Select(c => c.Type).Should().Equal(ConditionTypes.Approved, ConditionTypes.Ready);
        request.Status.Certificate.Should().StartWith("LS0t");
    }

    [Fact]
    public void Unknown_enum_values_deserialise_so_the_operator_can_report_them()
    {
        const string json = """{"spec":{"secretName":"s","issuerRef":{"name":"i"},"privateKey":{"algorithm":"DSA","rotationPolicy":"Sometimes"}}}""";

        var cert = JsonSerializer.Deserialize(json, Certificate.JsonTypeInfo)!;

        cert.Spec.PrivateKey!.Algorithm.Should().Be("DSA");
        cert.Spec.PrivateKey.RotationPolicy.Should().Be("Sometimes");
    }

    [Fact]
    public void New_objects_carry_their_api_version_and_kind_and_write_times_in_rfc3339()
    {
        var cert = new Certificate
        {
            Metadata = { Name = "web", NamespaceProperty = "prod" },
            Spec = { SecretName = "web-tls", IssuerRef = { Name = "ca" } },
            Status = new CertificateStatus { NotAfter = new DateTimeOffset(2026, 1, 2, 4, 4, 5, TimeSpan.FromHours(1)) },
        };

        var json = JsonSerializer.Serialize(cert, Certificate.JsonTypeInfo);

        json.Should().Be("""{"apiVersion":"cert-manager.io/v1","kind":"Certificate","metadata":{"name":"web","namespace":"prod"},"spec":{"secretName":"web-tls","issuerRef":{"name":"ca"}},"status":{"notAfter":"2026-01-02T03:04:05Z"}}""");
    }
}
