using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Orders;
using CertOperator.Crds.Tests.Support;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Crds.Tests.Serialization;

/// <summary>
/// cert-manager manifests read into the typed model and written back must come out as the same
/// JSON tree: a renamed or missing field would silently drop user configuration on update.
/// </summary>
public sealed class RoundTripTests
{
    private static readonly string[] SampleFiles =
    [
        "clusterissuer-acme.yaml",
        "clusterissuer-selfsigned.yaml",
        "issuer-dns-providers.yaml",
        "issuer-ca.yaml",
        "certificate-full.yaml",
        "certificate-renew-percentage.yaml",
        "certificate-list.yaml",
        "certificaterequest.yaml",
        "certificaterequest-failed.yaml",
        "order.yaml",
        "order-failed.yaml",
        "challenge.yaml",
        "challenge-http01.yaml",
    ];

    public static TheoryData<string> Samples() => new(SampleFiles);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_survives_deserialise_and_serialise_unchanged(string file)
    {
        var original = YamlJson.ParseFile(Path.Combine("TestData", file));

        var roundTripped = (string?)original["kind"] switch
        {
            "Certificate" => Through(original, Certificate.JsonTypeInfo),
            "CertificateList" => Through(original, Certificate.ListJsonTypeInfo),
            "CertificateRequest" => Through(original, CertificateRequest.JsonTypeInfo),
            "Issuer" => Through(original, Issuer.JsonTypeInfo),
            "ClusterIssuer" => Through(original, ClusterIssuer.JsonTypeInfo),
            "Order" => Through(original, Order.JsonTypeInfo),
            "Challenge" => Through(original, Challenge.JsonTypeInfo),
            var kind => throw new InvalidDataException($"{file}: no typed model for kind {kind}."),
        };

        CanonicalJson.Format(roundTripped).Should().Be(CanonicalJson.Format(original));
    }

    [Fact]
    public void Samples_cover_every_kind_and_a_list()
    {
        var kinds = SampleFiles.Select(file => (string?)YamlJson.ParseFile(Path.Combine("TestData", file))["kind"]);

        kinds.Should().Contain(["Certificate", "CertificateList", "CertificateRequest", "Issuer", "ClusterIssuer", "Order", "Challenge"]);
    }

    private static JsonNode? Through<T>(JsonNode original, JsonTypeInfo<T> typeInfo)
    {
        var typed = JsonSerializer.Deserialize(original.ToJsonString(), typeInfo);
        return JsonNode.Parse(JsonSerializer.Serialize(typed!, typeInfo));
    }

    [Fact]
    public void List_type_info_reads_items_and_paging_metadata()
    {
        var json = YamlJson.ParseFile("TestData/certificate-list.yaml").ToJsonString();

        var list = JsonSerializer.Deserialize(json, Certificate.ListJsonTypeInfo)!;

        list.Metadata.ResourceVersion.Should().Be("90210");
        list.Items.Select(c => c.Spec.SecretName).Should().Equal("a-tls", "b-tls");
        list.Should().BeOfType<KubernetesList<Certificate>>();
    }
}
