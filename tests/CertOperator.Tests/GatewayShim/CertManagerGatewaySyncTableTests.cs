using CertOperator.Kubernetes.Model;
using CertOperator.Tests.IngressShim;

namespace CertOperator.Tests.GatewayShim;

/// <summary>
/// cert-manager's TestSync gateway-shim rows (v1.21.1: 36 rows, 34 for Gateways; the 2 ListenerSet rows are for a
/// kind we do not watch), run against our pure decisions: the same Gateway and existing Certificates must give the
/// same creates, updates, deletes and BadConfig events.
/// </summary>
public sealed class CertManagerGatewaySyncTableTests
{
    private static readonly Dictionary<string, SyncRow<Gateway>> Rows =
        CertManagerGatewayRowsCreate.Rows.Concat(CertManagerGatewayRowsExisting.Rows).Concat(CertManagerGatewayRowsProtocols.Rows).ToDictionary();

    public static TheoryData<string> Names => new(Rows.Keys);

    [Fact]
    public void Every_gateway_row_of_cert_managers_table_is_ported()
    {
        Rows.Should().HaveCount(34);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Reproduces_cert_managers_gateway_sync_row(string name)
    {
        var row = Rows[name];

        row.Verify(GatewayShimRun.Sync(row.Source, row.Defaults, row.Existing));
    }
}
