namespace CertOperator.Tests.EndToEnd;

/// <summary>
/// The CA injector on a real kube-apiserver 1.24 with the operator as the config/rbac ServiceAccount, whose log must
/// hold no 403: watching and patching the four injectable kinds needs nothing config/rbac lacks.
/// </summary>
public sealed class KubeApiServerCaInjectorTests(RealOperatorEnvironment env)
    : CaInjectorTests<RealOperatorEnvironment>(env), IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Env.ForbiddenLogLines().Should().BeEmpty("the CA injector needs no permission config/rbac lacks");
        return Task.CompletedTask;
    }
}
