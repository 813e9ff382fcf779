using CertOperator.Crds.Certificates;

namespace CertOperator.Tests.IngressShim;

/// <summary>
/// cert-manager's TestSync ingress-shim rows (46, v1.21.1), run against our pure decisions: the same Ingress
/// and existing Certificates must give the same creates, updates, deletes and BadConfig events.
/// </summary>
public sealed class CertManagerSyncTableTests
{
    private static readonly Dictionary<string, SyncRow> Rows =
        CertManagerSyncRowsCreate.Rows.Concat(CertManagerSyncRowsExisting.Rows).ToDictionary();

    public static TheoryData<string> Names => new(Rows.Keys);

    [Fact]
    public void Every_ingress_row_of_cert_managers_table_is_ported()
    {
        Rows.Should().HaveCount(46);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Reproduces_cert_managers_sync_row(string name)
    {
        var row = Rows[name];

        var outcome = ShimRun.Sync(row.Ingress, row.Defaults, row.Existing);

        outcome.Blocked.Should().Be(row.Blocked);
        Same(outcome.Created, row.Create);
        Same(outcome.Updated, row.Update);
        outcome.Deleted.Should().Equal(row.Delete);
        outcome.NotOwned.Should().Equal(row.NotOwned);
        outcome.Warnings.Should().HaveCount(row.Warnings.Length);
        for (var i = 0; i < row.Warnings.Length; i++)
        {
            outcome.Warnings[i].Should().Contain(row.Warnings[i]);
        }
    }

    private static void Same(IReadOnlyList<Certificate> actual, Certificate[] expected)
    {
        actual.Should().HaveCount(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            actual[i].Metadata.Should().BeEquivalentTo(expected[i].Metadata, o => o.WithStrictOrdering());
            actual[i].Spec.Should().BeEquivalentTo(expected[i].Spec, o => o.WithStrictOrdering());
        }
    }
}
