using System.Text.Json;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Kubernetes.Tests.Serialization;

public sealed class WithoutManagedFieldsTests
{
    // As kube-apiserver 1.24 answers a metadata-only list (../shared/kube-wire): one item with every metadata field a
    // cache reads, and two managedFields entries whose fieldsV1 nest objects.
    private const string MetadataList = """
        {"kind":"PartialObjectMetadataList","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"10208"},"items":[
          {"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":{
            "name":"web-tls","namespace":"shop","uid":"c33ee0d9-aee8-4465-92ee-c789cf7fed32","resourceVersion":"4724",
            "creationTimestamp":"2026-12-01T09:54:08Z","labels":{"controller.cert-manager.io/fao":"true"},
            "annotations":{"cert-manager.io/certificate-name":"web"},
            "ownerReferences":[{"apiVersion":"cert-manager.io/v1","kind":"Certificate","name":"web","uid":"0b7f","controller":true}],
            "managedFields":[
              {"manager":"certoperator","operation":"Apply","apiVersion":"v1","time":"2026-12-01T09:54:08Z","fieldsType":"FieldsV1",
               "fieldsV1":{"f:data":{".":{},"f:tls.crt":{},"f:tls.key":{}},"f:metadata":{"f:labels":{"f:controller.cert-manager.io/fao":{}}}}},
              {"manager":"kubectl-edit","operation":"Update","apiVersion":"v1","time":"2026-12-01T09:55:00Z","fieldsType":"FieldsV1",
               "fieldsV1":{"f:metadata":{"f:annotations":{"f:cert-manager.io/certificate-name":{}}}}}]}}]}
        """;

    [Fact]
    public void A_metadata_list_is_read_whole_except_managedFields()
    {
        var list = JsonSerializer.Deserialize(MetadataList, WithoutManagedFields.Of(KubernetesJsonContext.Default.KubernetesListPartialObjectMetadata))!;

        list.Metadata.ResourceVersion.Should().Be("10208");
        var meta = list.Items.Should().ContainSingle().Subject.Metadata;
        meta.ManagedFields.Should().BeNull();
        meta.Name.Should().Be("web-tls");
        meta.NamespaceProperty.Should().Be("shop");
        meta.Uid.Should().Be("c33ee0d9-aee8-4465-92ee-c789cf7fed32");
        meta.ResourceVersion.Should().Be("4724");
        meta.CreationTimestamp.Should().Be(new DateTime(2026, 12, 1, 9, 54, 8, DateTimeKind.Utc));
        meta.Labels.Should().Equal(new Dictionary<string, string> { ["controller.cert-manager.io/fao"] = "true" });
        meta.Annotations.Should().Equal(new Dictionary<string, string> { ["cert-manager.io/certificate-name"] = "web" });
        meta.OwnerReferences.Should().ContainSingle().Which.Controller.Should().BeTrue();
    }

    [Fact]
    public void The_shared_context_still_reads_managedFields()
    {
        _ = WithoutManagedFields.Of(KubernetesJsonContext.Default.KubernetesListPartialObjectMetadata);

        var list = JsonSerializer.Deserialize(MetadataList, KubernetesJsonContext.Default.KubernetesListPartialObjectMetadata)!;

        list.Items.Single().Metadata.ManagedFields.Should().HaveCount(2).And.Contain(e => e.Manager == "kubectl-edit");
    }

    [Fact]
    public void A_full_object_keeps_its_payload()
    {
        const string wire = """
            {"kind":"Secret","apiVersion":"v1","type":"kubernetes.io/tls","data":{"tls.crt":"Y2VydA==","tls.key":"a2V5"},
             "metadata":{"name":"web-tls","namespace":"shop","managedFields":[{"manager":"certoperator","operation":"Apply","fieldsType":"FieldsV1","fieldsV1":{"f:data":{}}}]}}
            """;

        var secret = JsonSerializer.Deserialize(wire, WithoutManagedFields.Of(Secret.JsonTypeInfo))!;

        secret.Metadata.ManagedFields.Should().BeNull();
        secret.Metadata.Name.Should().Be("web-tls");
        secret.Type.Should().Be("kubernetes.io/tls");
        secret.Data.Should().ContainKeys("tls.crt", "tls.key");
    }

    [Fact]
    public void Each_contract_is_derived_once()
    {
        var first = WithoutManagedFields.Of(KubernetesJsonContext.Default.PartialObjectMetadata);

        WithoutManagedFields.Of(KubernetesJsonContext.Default.PartialObjectMetadata).Should().BeSameAs(first);
        WithoutManagedFields.Of(KubernetesJsonContext.Default.KubernetesListPartialObjectMetadata).Options.Should().BeSameAs(first.Options);
    }
}
