using CertOperator.Crds.Certificates;
using CertOperator.GatewayShim;
using CertOperator.IngressShim;
using CertOperator.Kubernetes.Model;
using CertOperator.Tests.IngressShim;

namespace CertOperator.Tests.GatewayShim;

/// <summary>Runs one gateway-shim sync without a cluster: the same pure functions, in the same order, as the reconciler.</summary>
internal static class GatewayShimRun
{
    public static ShimOutcome Sync(Gateway gateway, IngressShimDefaults defaults, params Certificate[] existing)
    {
        if (IngressIssuer.IsBeingDeleted(gateway.Metadata))
        {
            return new ShimOutcome(false, [], [], [], [], []);
        }

        var plan = GatewayCertificates.Desired(gateway, defaults);
        if (plan.Blocked)
        {
            return new ShimOutcome(true, [], [], [], [], plan.Warnings);
        }

        var decisions = plan.Certificates
            .Select(c => (c.Metadata.Name, Decision: IngressCertificateSync.Decide(existing.FirstOrDefault(e => e.Metadata.Name == c.Metadata.Name), c, gateway.Metadata.Uid)))
            .ToList();
        Certificate[] Writes(IngressCertificateAction action) => [.. decisions.Where(d => d.Decision.Action == action).Select(d => d.Decision.Write!)];
        var controller = IngressLike.ControllerOf(gateway.Metadata, Gateway.Resource);
        return new ShimOutcome(
            false,
            Writes(IngressCertificateAction.Create),
            Writes(IngressCertificateAction.Update),
            [.. IngressCertificateSync.Stale(controller, plan.Managed ? GatewayListeners.SecretNames(gateway) : [], existing).Select(c => c.Metadata.Name!)],
            [.. decisions.Where(d => d.Decision.Action == IngressCertificateAction.NotOwned).Select(d => d.Name!)],
            plan.Warnings);
    }
}
