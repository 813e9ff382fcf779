using CertOperator.Testing.RealKube;

namespace CertOperator.Tests.EndToEnd;

/// <summary>
/// The pipeline on a real kube-apiserver 1.24 with the operator running as the certoperator
/// ServiceAccount: after every test its log must hold no 403 Forbidden, proving config/rbac suffices.
/// </summary>
public sealed class KubeApiServerCertificatePipelineTests(RealOperatorEnvironment env)
    : CertificatePipelineTests<RealOperatorEnvironment>(env), IAsyncLifetime
{
    /// <summary>
    /// kube-apiserver 1.24 does not count authorization denials in apiserver_request_total, so the
    /// operator's own log is where a 403 shows; this test makes sure the log covers real issuance.
    /// </summary>
    [Fact]
    public async Task Operator_running_as_the_certoperator_service_account_is_never_forbidden()
    {
        await EnsureIssuersAsync();
        await Env.ApplyAsync(Manifests.Namespace("rbac"));
        await Env.ApplyAsync(Manifests.Certificate("rbac", "rbac", "ClusterIssuer", "root-ca", ["rbac.example.com"]));
        await Env.WaitForConditionAsync("certificate", "rbac", "rbac");

        var requestsCreated = await Env.Server.CountRequestsAsync(
            new ApiRequestFilter { Verb = "POST", Resource = "certificaterequests", Subresource = "", Code = "201" }, CancellationToken.None);
        requestsCreated.Should().BeGreaterThanOrEqualTo(2, "root-ca and rbac were each issued through a CertificateRequest");
        Env.ForbiddenLogLines().Should().BeEmpty();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Env.ForbiddenLogLines().Should().BeEmpty("config/rbac must grant the certoperator ServiceAccount everything the operator does");
        return Task.CompletedTask;
    }
}
