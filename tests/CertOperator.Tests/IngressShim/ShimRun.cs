using CertOperator.Crds.Certificates;
using CertOperator.IngressShim;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Tests.IngressShim;

/// <summary>Runs one ingress-shim sync without a cluster: the same pure functions, in the same order, as the reconciler.</summary>
internal static class ShimRun
{
    public static ShimOutcome Sync(Ingress ingress, IngressShimDefaults defaults, params Certificate[] existing)
    {
        if (IngressIssuer.IsBeingDeleted(ingress.Metadata))
        {
            return new ShimOutcome(false, [], [], [], [], []);
        }

        var plan = IngressCertificates.Desired(ingress, defaults);
        if (plan.Blocked)
        {
            return new ShimOutcome(true, [], [], [], [], plan.Warnings);
        }

        var decisions = plan.Certificates
            .Select(c => (c.Metadata.Name, Decision: IngressCertificateSync.Decide(existing.FirstOrDefault(e => e.Metadata.Name == c.Metadata.Name), c, ingress.Metadata.Uid)))
            .ToList();
        Certificate[] Writes(IngressCertificateAction action) => [.. decisions.Where(d => d.Decision.Action == action).Select(d => d.Decision.Write!)];
        return new ShimOutcome(
            false,
            Writes(IngressCertificateAction.Create),
            Writes(IngressCertificateAction.Update),
            [.. IngressCertificateSync.Stale(ingress, plan.Managed, existing).Select(c => c.Metadata.Name!)],
            [.. decisions.Where(d => d.Decision.Action == IngressCertificateAction.NotOwned).Select(d => d.Name!)],
            plan.Warnings);
    }
}
