namespace CertOperator.Tests.EndToEnd.ControlPlanes;

/// <summary>A Kubernetes API with our CRDs installed: the test API server or a real kube-apiserver.</summary>
public interface IControlPlane : IAsyncDisposable
{
    /// <summary>For kubectl: allowed everything.</summary>
    string AdminKubeconfig { get; }

    /// <summary>For the operator: the identity it runs as.</summary>
    string OperatorKubeconfig { get; }

    /// <summary>Where the operator may keep its leader-election Lease.</summary>
    string LeaderElectionNamespace { get; }
}
