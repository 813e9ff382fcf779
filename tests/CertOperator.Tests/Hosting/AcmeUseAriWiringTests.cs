using CertOperator.Certificates.Controllers;
using CertOperator.Hosting;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertOperator.Tests.Hosting;

/// <summary>The ARI controller exists exactly when cert-manager's ACMEUseARI gate is on, and everything it needs is wired.</summary>
public sealed class AcmeUseAriWiringTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_ARI_controller_is_wired_only_with_the_gate_on(bool acmeUseAri)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddOperator(
            new RunSettings
            {
                LeaderElect = false,
                LeaderElectionNamespace = "kube-system",
                ClusterResourceNamespace = "cert-manager",
                FeatureGates = new FeatureGates { AcmeUseAri = acmeUseAri },
            },
            _ => KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = ["/nonexistent/kubeconfig"] }));

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        services.Any(d => d.ServiceType == typeof(AcmeRenewalInfoReconciler)).Should().Be(acmeUseAri);
        provider.GetRequiredService<OperatorOptions>().FeatureGates.AcmeUseAri.Should().Be(acmeUseAri);
    }
}
