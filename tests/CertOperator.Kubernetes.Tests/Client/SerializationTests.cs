using System.Text.Json;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Kubernetes.Tests.Client;

public sealed class SerializationTests
{
    [Fact]
    public void Lease_times_are_microsecond_precision_MicroTime()
    {
        var time = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234560);
        var lease = new Lease { Metadata = new ObjectMeta { Name = "l" }, Spec = new LeaseSpec { HolderIdentity = "me", RenewTime = time, AcquireTime = time } };

        var json = JsonSerializer.Serialize(lease, Lease.JsonTypeInfo);
        var back = JsonSerializer.Deserialize(json, Lease.JsonTypeInfo)!;

        json.Should().Contain("\"renewTime\":\"2026-01-02T03:04:05.123456Z\"");
        back.Spec.RenewTime.Should().Be(time);
    }

    [Fact]
    public void Secret_data_is_base64_on_the_wire_and_nulls_are_omitted()
    {
        var secret = new Secret { Metadata = new ObjectMeta { Name = "s", Namespace = "ns" }, Data = new() { ["tls.key"] = [1, 2, 3] } };

        var json = JsonSerializer.Serialize(secret, Secret.JsonTypeInfo);

        json.Should().Be("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","namespace":"ns"},"data":{"tls.key":"AQID"}}""");
    }

    [Fact]
    public void Event_timestamps_are_whole_second_rfc3339()
    {
        var kubeEvent = new KubeEvent { Count = 2, FirstTimestamp = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(2)) };

        JsonSerializer.Serialize(kubeEvent, KubeEvent.JsonTypeInfo).Should().Contain("\"firstTimestamp\":\"2026-01-02T01:04:05Z\"");
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
