using CertOperator.Crds.Certificates;
using CertOperator.IngressShim;

namespace CertOperator.Tests.IngressShim;

/// <summary>
/// One row of cert-manager's TestSync shim tables (ingress-shim's for an Ingress, gateway-shim's for a Gateway): the
/// source object, the shim options and the Certificates that exist, and what the sync must do. <see cref="Warnings"/>
/// are substrings of the BadConfig events, in order.
/// </summary>
internal sealed record SyncRow<TSource>(TSource Source, IngressShimDefaults Defaults)
{
    public Certificate[] Existing { get; init; } = [];

    public Certificate[] Create { get; init; } = [];

    public Certificate[] Update { get; init; } = [];

    public string[] Delete { get; init; } = [];

    public string[] NotOwned { get; init; } = [];

    public string[] Warnings { get; init; } = [];

    public bool Blocked { get; init; }

    /// <summary>Asserts that <paramref name="outcome"/> is what this row expects.</summary>
    public void Verify(ShimOutcome outcome)
    {
        outcome.Blocked.Should().Be(Blocked);
        Same(outcome.Created, Create);
        Same(outcome.Updated, Update);
        outcome.Deleted.Should().Equal(Delete);
        outcome.NotOwned.Should().Equal(NotOwned);
        outcome.Warnings.Should().HaveCount(Warnings.Length);
        for (var i = 0; i < Warnings.Length; i++)
        {
            outcome.Warnings[i].Should().Contain(Warnings[i]);
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
