using System.Text.Json;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Tests.Client;

public sealed class SerializationTests
{
    [Fact]
    public void Lease_times_are_microsecond_precision_MicroTime()
    {
        var time = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234560);
        var lease = new Lease { Metadata = new V1ObjectMeta { Name = "l" }, Spec = new V1LeaseSpec { HolderIdentity = "me", RenewTime = time, AcquireTime = time } };

        var json = JsonSerializer.Serialize(lease, Lease.JsonTypeInfo);
        var back = JsonSerializer.Deserialize(json, Lease.JsonTypeInfo)!;

        json.Should().Contain("\"renewTime\":\"2026-01-02T03:04:05.123456Z\"");
        back.Spec.RenewTime.Should().Be(time);
    }

    [Fact]
    public void Secret_data_is_base64_on_the_wire_and_nulls_are_omitted()
    {
        var secret = new Secret { Metadata = new V1ObjectMeta { Name = "s", NamespaceProperty = "ns" }, Data = new Dictionary<string, byte[]>() { ["tls.key"] = [1, 2, 3] } };

        var json = JsonSerializer.Serialize(secret, Secret.JsonTypeInfo);

        // KubernetesClient's models declare their properties alphabetically, and System.Text.Json writes them in that order.
        json.Should().Be("""{"apiVersion":"v1","data":{"tls.key":"AQID"},"kind":"Secret","metadata":{"name":"s","namespace":"ns"}}""");
    }

    [Fact]
    public void Event_timestamps_are_utc_rfc3339_with_six_fractional_digits()
    {
        var kubeEvent = new KubeEvent { Count = 2, FirstTimestamp = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(2)).UtcDateTime };

        JsonSerializer.Serialize(kubeEvent, KubeEvent.JsonTypeInfo).Should().Contain("\"firstTimestamp\":\"2026-01-02T01:04:05.678000Z\"");
    }

    [Fact]
    public void An_empty_metadata_only_list_with_items_null_reads_as_empty()
    {
        // The answer a real kube-apiserver 1.24 gives for an empty PartialObjectMetadataList (../shared/kube-wire sample 37).
        const string json = """{"kind":"PartialObjectMetadataList","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"3584"},"items":null}""";

        var list = JsonSerializer.Deserialize(json, KubernetesJsonContext.Default.KubernetesListPartialObjectMetadata)!;

        list.Items.Should().BeEmpty();
        list.Metadata.ResourceVersion.Should().Be("3584");
    }
}
