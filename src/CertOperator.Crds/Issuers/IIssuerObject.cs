using CertOperator.Kubernetes.Model;

namespace CertOperator.Crds.Issuers;

/// <summary>What Issuer and ClusterIssuer share, so one reconciler and one signer lookup serve both.</summary>
public interface IIssuerObject : IKubernetesObject
{
    IssuerSpec Spec { get; set; }

    IssuerStatus? Status { get; set; }
}
