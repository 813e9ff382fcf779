using CertOperator.Acme;
using CertOperator.Kubernetes.Controllers;
using Microsoft.Extensions.DependencyInjection;

namespace CertOperator.Metrics;

/// <summary>Registers the operator's metrics; whether and where they are served is the host's business (Hosting/MetricsEndpoint).</summary>
internal static class MetricsRegistration
{
    public static IServiceCollection AddOperatorMetrics(this IServiceCollection services)
    {
        services.AddSingleton<OperatorMetrics>();
        services.AddSingleton<ICacheMetrics, CertificateMetrics>();
        services.AddSingleton<ICacheMetrics, IssuerMetrics>();
        services.AddSingleton<ICacheMetrics, ChallengeMetrics>();
        services.AddSingleton<IReconcileObserver, SyncMetrics>();
        services.AddSingleton<IAcmeRequestObserver, AcmeRequestMetrics>();
        return services;
    }
}
