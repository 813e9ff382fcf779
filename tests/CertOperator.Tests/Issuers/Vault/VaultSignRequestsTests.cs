using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertOperator.Issuers.Vault;
using CertOperator.Issuers.Vault.Wire;

namespace CertOperator.Tests.Issuers.Vault;

public sealed class VaultSignRequestsTests
{
    [Fact]
    public void The_body_carries_the_CSR_names_comma_separated_a_Go_ttl_and_keeps_the_CN_out_of_the_SANs()
    {
        var csr = Csr("CN=web.example.com", san =>
        {
            san.AddDnsName("web.example.com");
            san.AddDnsName("www.example.com");
            san.AddIpAddress(IPAddress.Parse("10.0.0.1"));
            san.AddIpAddress(IPAddress.Parse("2001:db8::1"));
            san.AddUri(new Uri("spiffe://cluster.local/ns/default/sa/web"));
        });

        var body = VaultSignRequests.Build(csr, TimeSpan.FromDays(90));

        body.Ok.Should().BeTrue();
        var json = JsonNode.Parse(JsonSerializer.Serialize(body.Value, VaultJsonContext.Default.VaultSignRequest))!.AsObject();
        json.Select(p => p.Key).Should().BeEquivalentTo("common_name", "alt_names", "ip_sans", "uri_sans", "ttl", "csr", "exclude_cn_from_sans");
        json["common_name"]!.GetValue<string>().Should().Be("web.example.com");
        json["alt_names"]!.GetValue<string>().Should().Be("web.example.com,www.example.com");
        json["ip_sans"]!.GetValue<string>().Should().Be("10.0.0.1,2001:db8::1");
        json["uri_sans"]!.GetValue<string>().Should().Be("spiffe://cluster.local/ns/default/sa/web");
        json["ttl"]!.GetValue<string>().Should().Be("2160h0m0s");
        json["exclude_cn_from_sans"]!.GetValue<string>().Should().Be("true", "every field is a string, as cert-manager sends it");
        json["csr"]!.GetValue<string>().Should().Be(csr);
    }

    [Fact]
    public void A_CSR_without_a_common_name_or_names_sends_empty_strings()
    {
        var body = VaultSignRequests.Build(Csr("O=Example", _ => { }), TimeSpan.FromHours(1));

        body.Ok.Should().BeTrue();
        body.Value!.CommonName.Should().BeEmpty();
        body.Value.AltNames.Should().BeEmpty();
        body.Value.Ttl.Should().Be("1h0m0s");
    }

    [Fact]
    public void An_unreadable_CSR_is_refused_before_Vault_is_called()
    {
        var body = VaultSignRequests.Build("-----BEGIN CERTIFICATE REQUEST-----\nnope\n-----END CERTIFICATE REQUEST-----", TimeSpan.FromHours(1));

        body.Ok.Should().BeFalse();
        body.Error!.Message.Should().StartWith("failed to decode CSR for signing");
    }

    internal static string Csr(string subject, Action<SubjectAlternativeNameBuilder> names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        names(san);
        var extension = san.Build();
        if (extension.RawData.Length > 2)
        {
            request.CertificateExtensions.Add(extension);
        }

        return request.CreateSigningRequestPem();
    }
}
