using CertOperator.CertificateRequests;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Orders;
using CertOperator.Kubernetes;
using k8s.Models;

namespace CertOperator.Tests.CertificateRequests;

/// <summary>
/// The chain a status write of ours carried is given back for exactly the version that write made, once; any other
/// read drops it, so the reader GETs and nothing piles up; requests no Certificate owns are not remembered at all.
/// </summary>
public sealed class SignedPayloadMemoTests
{
    [Theory]
    [InlineData("the cache shows our write", "5", true)]
    [InlineData("the cache shows a later version", "6", false)]
    public async Task A_payload_is_taken_for_the_version_written_and_dropped_on_any_read(string name, string cachedVersion, bool hit)
    {
        var memo = new SignedPayloadMemo<CertificateRequest>(SignedPayload.ForIssuing);
        await memo.WriteAsync(Key, _ => Task.FromResult(Request("5", ownedByCertificate: true)), CancellationToken.None);

        var taken = await memo.TakeAsync(Trimmed(cachedVersion), CancellationToken.None);

        taken.Should().Be(hit ? new SignedPayload("Y2hhaW4=", "Y2E=") : null, name);
        memo.Count.Should().Be(0, name);
        (await memo.TakeAsync(Trimmed(cachedVersion), CancellationToken.None)).Should().BeNull($"{name}: a payload is given once");
    }

    [Fact]
    public async Task A_request_no_Certificate_owns_is_not_remembered_since_nothing_reads_its_chain_back()
    {
        var memo = new SignedPayloadMemo<CertificateRequest>(SignedPayload.ForIssuing);

        await memo.WriteAsync(Key, _ => Task.FromResult(Request("5", ownedByCertificate: false)), CancellationToken.None);

        memo.Count.Should().Be(0);
        (await memo.TakeAsync(Trimmed("5"), CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task A_read_while_our_write_is_under_way_waits_for_its_response()
    {
        var memo = new SignedPayloadMemo<CertificateRequest>(SignedPayload.ForIssuing);
        var response = new TaskCompletionSource<CertificateRequest>();
        var writing = memo.WriteAsync(Key, _ => response.Task, CancellationToken.None);

        var reading = memo.TakeAsync(Trimmed("5"), CancellationToken.None);
        reading.IsCompleted.Should().BeFalse("the watch event of our write arrived before its response");
        response.SetResult(Request("5", ownedByCertificate: true));
        await writing;

        (await reading).Should().Be(new SignedPayload("Y2hhaW4=", "Y2E="));
    }

    [Fact]
    public async Task Payloads_nothing_reads_are_evicted_oldest_first_beyond_the_capacity()
    {
        var memo = new SignedPayloadMemo<Order>(SignedPayload.Of);
        for (var i = 0; i <= SignedPayloadMemo<Order>.Capacity; i++)
        {
            var order = new Order { Metadata = Meta($"o-{i}", "1"), Status = new OrderStatus { State = "valid", Certificate = "Y2hhaW4=" } };
            await memo.WriteAsync(ObjectKey.Of(order), _ => Task.FromResult(order), CancellationToken.None);
        }

        memo.Count.Should().Be(SignedPayloadMemo<Order>.Capacity);
        (await memo.TakeAsync(new Order { Metadata = Meta("o-0", "1") }, CancellationToken.None)).Should().BeNull("the oldest went");
        (await memo.TakeAsync(new Order { Metadata = Meta("o-1", "1") }, CancellationToken.None)).Should().Be(new SignedPayload("Y2hhaW4=", null));
    }

    private static readonly ObjectKey Key = new("default", "web-1");

    private static CertificateRequest Request(string version, bool ownedByCertificate)
    {
        var request = Trimmed(version);
        request.Metadata.OwnerReferences = ownedByCertificate ? [new V1OwnerReference { Kind = "Certificate", Name = "web", Uid = "uid-web", ApiVersion = "cert-manager.io/v1", Controller = true }] : null;
        request.Status = new CertificateRequestStatus { Certificate = "Y2hhaW4=", Ca = "Y2E=" };
        return request;
    }

    private static CertificateRequest Trimmed(string version) => new() { Metadata = Meta("web-1", version) };

    private static V1ObjectMeta Meta(string name, string version) => new() { Name = name, NamespaceProperty = "default", ResourceVersion = version };
}
