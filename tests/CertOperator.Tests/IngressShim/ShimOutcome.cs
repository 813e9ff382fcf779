using CertOperator.Crds.Certificates;

namespace CertOperator.Tests.IngressShim;

/// <summary>What one ingress-shim sync would do: the writes and events, decided by the same pure functions the reconciler calls.</summary>
internal sealed record ShimOutcome(
    bool Blocked,
    IReadOnlyList<Certificate> Created,
    IReadOnlyList<Certificate> Updated,
    IReadOnlyList<string> Deleted,
    IReadOnlyList<string> NotOwned,
    IReadOnlyList<string> Warnings);
