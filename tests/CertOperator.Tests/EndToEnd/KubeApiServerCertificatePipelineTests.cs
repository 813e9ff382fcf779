using CertOperator.Testing.RealKube;

namespace CertOperator.Tests.EndToEnd;

/// <summary>
/// The pipeline on a real kube-apiserver 1.24 with the operator running as the certoperator
/// ServiceAccount: after every test its log must hold no 403 Forbidden, proving config/rbac suffices.
/// </summary>
public sealed class KubeApiServerCertificatePipelineTests(RealOperatorEnvironment env)
    : CertificatePipelineTests<RealOperatorEnvironment>(env), IAsyncLifetime
{
    [Fact]
    public async Task Shipped_rbac_suffices_the_apiserver_answered_no_request_with_403()
    {
        await EnsureIssuersAsync();
        await Env.ApplyAsync(Manifests.Namespace("rbac"));
        await Env.ApplyAsync(Manifests.Certificate("rbac", "rbac", "ClusterIssuer", "root-ca", ["rbac.example.com"]));
        await Env.WaitForConditionAsync("certificate", "rbac", "rbac");

        var issued = await Env.Server.CountRequestsAsync(
            new ApiRequestFilter { Verb = "POST", Resource = "certificaterequests", Subresource = "", Code = "201" }, CancellationToken.None);
        issued.Should().BeGreaterThanOrEqualTo(2, "root-ca and rbac were each issued through a CertificateRequest");
        var forbidden = await Env.Server.CountRequestsAsync(new ApiRequestFilter { Code = "403" }, CancellationToken.None);
        forbidden.Should().Be(0, $"the operator was refused nothing; its log:\n{Env.OperatorLog}");
        Env.ForbiddenLogLines().Should().BeEmpty();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Env.ForbiddenLogLines().Should().BeEmpty("config/rbac must grant the certoperator ServiceAccount everything the operator does");
        return Task.CompletedTask;
    }
}
