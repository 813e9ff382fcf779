using CertOperator.Testing.RealKube;

namespace CertOperator.Tests.EndToEnd.ControlPlanes;

/// <summary>kube-apiserver 1.24 with etcd: kubectl as admin, the operator as the ServiceAccount config/rbac binds.</summary>
public sealed class RealControlPlane(RealKubeApiServer server) : IControlPlane
{
    public RealKubeApiServer Server { get; } = server;

    public string AdminKubeconfig => Server.AdminKubeconfig;

    public string OperatorKubeconfig => Server.OperatorKubeconfig;

    /// <summary>The namespace of config/rbac's leader-election Role.</summary>
    public string LeaderElectionNamespace => RealKubeApiServer.OperatorNamespace;

    public static async Task<RealControlPlane> StartAsync() => new(await RealKubeApiServer.StartAsync(CancellationToken.None));

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
