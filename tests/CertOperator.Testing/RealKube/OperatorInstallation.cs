namespace CertOperator.Testing.RealKube;

/// <summary>What a user installs before running the operator: our CRDs, its namespace, config/rbac.</summary>
internal static class OperatorInstallation
{
    public static async Task ApplyAsync(RealKubeApiServer server, CancellationToken cancellationToken)
    {
        await server.KubectlAsync(["apply", "-f", RepoPaths.Combine("config", "crds")], cancellationToken).ConfigureAwait(false);
        await server.KubectlAsync(["create", "namespace", RealKubeApiServer.OperatorNamespace], cancellationToken).ConfigureAwait(false);
        await server.KubectlAsync(["apply", "-k", RepoPaths.Combine("config", "rbac")], cancellationToken).ConfigureAwait(false);
        await server.KubectlAsync(["wait", "--for=condition=Established", "customresourcedefinitions", "--all", "--timeout=60s"], cancellationToken).ConfigureAwait(false);
    }
}
