using CertOperator.Crds.Certificates;
using CertOperator.IngressShim;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Tests.IngressShim;

/// <summary>
/// One row of cert-manager's TestSync ingress-shim table: the Ingress, the shim options and the Certificates
/// that exist, and what the sync must do. <see cref="Warnings"/> are substrings of the BadConfig events, in order.
/// </summary>
internal sealed record SyncRow(Ingress Ingress, IngressShimDefaults Defaults)
{
    public Certificate[] Existing { get; init; } = [];

    public Certificate[] Create { get; init; } = [];

    public Certificate[] Update { get; init; } = [];

    public string[] Delete { get; init; } = [];

    public string[] NotOwned { get; init; } = [];

    public string[] Warnings { get; init; } = [];

    public bool Blocked { get; init; }
}
