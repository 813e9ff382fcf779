using CertOperator.Kubernetes.Model;

namespace CertOperator.Tests.IngressShim;

/// <summary>
/// cert-manager's TestSync ingress-shim rows (46, v1.21.1), run against our pure decisions: the same Ingress
/// and existing Certificates must give the same creates, updates, deletes and BadConfig events.
/// </summary>
public sealed class CertManagerSyncTableTests
{
    private static readonly Dictionary<string, SyncRow<Ingress>> Rows =
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

        row.Verify(ShimRun.Sync(row.Source, row.Defaults, row.Existing));
    }
}
