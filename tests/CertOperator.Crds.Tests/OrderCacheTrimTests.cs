using CertOperator.Crds.Orders;

namespace CertOperator.Crds.Tests;

/// <summary>Cached Orders drop their CSR and chain exactly when the ACME server will not change them any more.</summary>
public sealed class OrderCacheTrimTests
{
    public static TheoryData<string?, bool> Rows => new()
    {
        { null, false },
        { AcmeStates.Pending, false },
        { AcmeStates.Ready, false },
        { AcmeStates.Processing, false },
        { AcmeStates.Valid, true },
        { AcmeStates.Invalid, true },
        { AcmeStates.Errored, true },
        { AcmeStates.Expired, true },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Finished_orders_keep_no_csr_or_chain(string? state, bool trimmed)
    {
        var order = new Order
        {
            Spec = new OrderSpec { Request = "Q1NS", DnsNames = ["a.example.test"] },
            Status = new OrderStatus { State = state, Url = "https://acme.test/order/1", Certificate = "Q0hBSU4=", Reason = "why" },
        };

        order.TrimForCache();

        order.IsPayloadTrimmed().Should().Be(trimmed);
        order.Spec.Request.Should().Be(trimmed ? "" : "Q1NS");
        order.Status.Certificate.Should().Be(trimmed ? null : "Q0hBSU4=");
        Order.IsFinished(state).Should().Be(trimmed);
        order.Spec.DnsNames.Should().Equal(["a.example.test"], "everything else stays");
        order.Status.Url.Should().Be("https://acme.test/order/1");
        order.Status.Reason.Should().Be("why");
    }
}
