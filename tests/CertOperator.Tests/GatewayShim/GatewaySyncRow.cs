using CertOperator.Crds.Certificates;
using CertOperator.IngressShim;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Tests.GatewayShim;

/// <summary>
/// One row of cert-manager's TestSync gateway-shim table: the Gateway, the shim options and the Certificates that
/// exist, and what the sync must do. <see cref="Warnings"/> are substrings of the BadConfig events, in order.
/// </summary>
internal sealed record GatewaySyncRow(Gateway Gateway, IngressShimDefaults Defaults)
{
    public Certificate[] Existing { get; init; } = [];

    public Certificate[] Create { get; init; } = [];

    public Certificate[] Update { get; init; } = [];

    public string[] Delete { get; init; } = [];

    public string[] NotOwned { get; init; } = [];

    public string[] Warnings { get; init; } = [];

    public bool Blocked { get; init; }
}
