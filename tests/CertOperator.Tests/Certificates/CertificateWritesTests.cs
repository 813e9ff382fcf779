using CertOperator.Certificates;
using CertOperator.Crds.Certificates;
using CertOperator.Kubernetes;
using k8s.Models;

namespace CertOperator.Tests.Certificates;

/// <summary>
/// A Certificate is read as our own last status write left it only while the cache still shows a version that write
/// is known to supersede; every other case falls back to the cache, so a read is never older than the cache.
/// </summary>
public sealed class CertificateWritesTests
{
    private static readonly ObjectKey Key = new("default", "web");

    private readonly CertificateWrites _writes = new();

    [Fact]
    public void A_write_made_from_the_cached_copy_is_read_until_the_cache_moves()
    {
        _writes.Record(Cert("10"), Cert("11", revision: 1), cachedVersion: "10");

        Revision(_writes.Newest(Key, Cert("10"))).Should().Be(1, "the cache is still at the version the write started from");
        Revision(_writes.Newest(Key, Cert("11", revision: 1))).Should().Be(1);
        _writes.Count.Should().Be(0, "the cache reached the write, so the entry went");
        Revision(_writes.Newest(Key, Cert("10"))).Should().BeNull("an entry never comes back once dropped");
    }

    [Fact]
    public void A_cache_that_moved_elsewhere_wins_over_the_write()
    {
        _writes.Record(Cert("10"), Cert("11", revision: 1), cachedVersion: "10");

        Revision(_writes.Newest(Key, Cert("12", revision: 7))).Should().Be(7);
        _writes.Count.Should().Be(0);
    }

    [Fact]
    public void A_write_made_from_the_recorded_copy_replaces_it()
    {
        _writes.Record(Cert("10"), Cert("11", revision: 1), cachedVersion: "10");
        _writes.Record(Cert("11", revision: 1), Cert("12", revision: 2), cachedVersion: "10");

        Revision(_writes.Newest(Key, Cert("10"))).Should().Be(2);
    }

    [Fact]
    public void A_cache_catching_up_one_write_at_a_time_still_reads_the_last_write()
    {
        _writes.Record(Cert("10"), Cert("11", revision: 1), cachedVersion: "10");
        _writes.Record(Cert("11", revision: 1), Cert("12", revision: 2), cachedVersion: "10");

        Revision(_writes.Newest(Key, Cert("10"))).Should().Be(2);
        Revision(_writes.Newest(Key, Cert("11", revision: 1))).Should().Be(2, "the cache reached the first write, not the second");
        Revision(_writes.Newest(Key, Cert("12", revision: 2))).Should().Be(2);
        _writes.Count.Should().Be(0, "the cache reached the last write");
    }

    [Fact]
    public void A_write_made_while_the_cache_reached_the_previous_one_chains_from_the_cache()
    {
        _writes.Record(Cert("10"), Cert("11", revision: 1), cachedVersion: "10");
        _writes.Record(Cert("11", revision: 1), Cert("12", revision: 2), cachedVersion: "11");

        Revision(_writes.Newest(Key, Cert("11", revision: 1))).Should().Be(2);
        Revision(_writes.Newest(Key, Cert("10"))).Should().BeNull("a version outside the chain is the cache moving elsewhere, and it wins");
    }

    [Fact]
    public void A_chain_longer_than_its_cap_leaves_reads_to_the_cache()
    {
        for (var i = 0; i < CertificateWrites.MaxChain; i++)
        {
            _writes.Record(Cert($"{100 + i}", revision: i), Cert($"{101 + i}", revision: i + 1), cachedVersion: "100");
        }

        Revision(_writes.Newest(Key, Cert("100"))).Should().Be(CertificateWrites.MaxChain);
        _writes.Record(Cert($"{100 + CertificateWrites.MaxChain}"), Cert("999", revision: 999), cachedVersion: "100");

        _writes.Count.Should().Be(0);
    }

    [Fact]
    public void Two_writes_from_the_same_cached_copy_cannot_be_ordered_and_leave_reads_to_the_cache()
    {
        _writes.Record(Cert("10"), Cert("12", revision: 1), cachedVersion: "10");
        _writes.Record(Cert("10"), Cert("11", revision: 2), cachedVersion: "10");

        Revision(_writes.Newest(Key, Cert("10"))).Should().BeNull();
        _writes.Count.Should().Be(0);
    }

    [Theory]
    [InlineData("10", "11", null, "the Certificate is not cached (deleted meanwhile)")]
    [InlineData("10", "11", "11", "the watch event of the write came before its response")]
    [InlineData("10", "12", "11", "the cache moved past the copy the write started from")]
    public void A_write_is_not_recorded_when(string read, string written, string? cachedVersion, string because)
    {
        _writes.Record(Cert(read), Cert(written, revision: 1), cachedVersion);

        _writes.Count.Should().Be(0, because);
    }

    [Fact]
    public void A_write_after_an_entry_went_stale_starts_from_the_cache()
    {
        _writes.Record(Cert("10"), Cert("11", revision: 1), cachedVersion: "10");
        _writes.Record(Cert("13", revision: 1), Cert("14", revision: 2), cachedVersion: "13");

        Revision(_writes.Newest(Key, Cert("13", revision: 1))).Should().Be(2);
    }

    [Fact]
    public void A_deleted_Certificate_is_not_brought_back()
    {
        _writes.Record(Cert("10"), Cert("11", revision: 1), cachedVersion: "10");

        _writes.Newest(Key, cached: null).Should().BeNull();
        _writes.Count.Should().Be(0);
    }

    [Fact]
    public void The_recorded_copy_is_trimmed_as_the_cache_trims()
    {
        var written = Cert("11", revision: 1);
        written.Metadata.ManagedFields =
        [
            new V1ManagedFieldsEntry
            {
                Manager = CertificateStatusSlices.IssuanceManager, Operation = "Apply", Subresource = "status",
            },
        ];

        _writes.Record(Cert("10"), written, cachedVersion: "10");

        _writes.Newest(Key, Cert("10"))!.Metadata.ManagedFields.Should().BeNull();
    }

    private static int? Revision(Certificate? certificate) => certificate?.Status?.Revision;

    private static Certificate Cert(string resourceVersion, int? revision = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = Key.Name, NamespaceProperty = Key.Namespace, ResourceVersion = resourceVersion },
        Status = revision is null ? null : new CertificateStatus { Revision = revision },
    };
}
