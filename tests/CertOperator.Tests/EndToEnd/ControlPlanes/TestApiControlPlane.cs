using CertOperator.TestApiServer;
using CertOperator.Testing;

namespace CertOperator.Tests.EndToEnd.ControlPlanes;

/// <summary>Our in-memory test API server: starts in milliseconds, one all-powerful token for everyone.</summary>
public sealed class TestApiControlPlane : IControlPlane
{
    private TestApiControlPlane(KubeApiServer server, string kubeconfig)
    {
        Server = server;
        AdminKubeconfig = kubeconfig;
    }

    public KubeApiServer Server { get; }

    public string AdminKubeconfig { get; }

    public string OperatorKubeconfig => AdminKubeconfig;

    public string LeaderElectionNamespace => "kube-system";

    public static async Task<TestApiControlPlane> StartAsync(string folder)
    {
        var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { CrdDirectory = RepoPaths.Combine("config", "crds") });
        var kubeconfig = Path.Combine(folder, "kubeconfig");
        server.WriteKubeconfig(kubeconfig);
        return new TestApiControlPlane(server, kubeconfig);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
