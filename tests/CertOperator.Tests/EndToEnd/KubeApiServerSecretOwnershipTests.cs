namespace CertOperator.Tests.EndToEnd;

/// <summary>
/// Secret ownership on a real kube-apiserver 1.24 (its Secret validation, kube-controller-manager's token
/// controller) with the operator as the certoperator ServiceAccount, whose log must hold no 403.
/// </summary>
public sealed class KubeApiServerSecretOwnershipTests(RealOperatorEnvironment env)
    : SecretOwnershipTests<RealOperatorEnvironment>(env), IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Env.ForbiddenLogLines().Should().BeEmpty("reading issuers and Secrets to check ownership needs no permission config/rbac lacks");
        return Task.CompletedTask;
    }
}
