using CertOperator.Crds.Certificates;

namespace CertOperator.Tests.GatewayShim;

/// <summary>
/// cert-manager's TestSync gateway-shim rows (v1.21.1: 36 rows, 34 for Gateways; the 2 ListenerSet rows are for a
/// kind we do not watch), run against our pure decisions: the same Gateway and existing Certificates must give the
/// same creates, updates, deletes and BadConfig events.
/// </summary>
public sealed class CertManagerGatewaySyncTableTests
{
    private static readonly Dictionary<string, GatewaySyncRow> Rows =
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

        var outcome = GatewayShimRun.Sync(row.Gateway, row.Defaults, row.Existing);

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
