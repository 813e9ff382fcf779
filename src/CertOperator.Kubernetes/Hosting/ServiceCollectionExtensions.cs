using System.Diagnostics.CodeAnalysis;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.LeaderElection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CertOperator.Kubernetes.Hosting;

/// <summary>DI registration: the client, shared informers, event recorder, controllers and the hosted manager.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Registers the client (configuration from <paramref name="configure"/>, else in-cluster or kubeconfig) and shared informers.</summary>
    public static IServiceCollection AddKubernetesClient(
        this IServiceCollection services, Func<IServiceProvider, KubernetesClientConfiguration>? configure = null, KubernetesClientOptions? options = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => configure?.Invoke(sp) ?? KubernetesClientConfiguration.Load());
        services.TryAddSingleton(sp => new KubernetesClient(
            sp.GetRequiredService<KubernetesClientConfiguration>(), options, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<KubernetesClient>>()));
        services.TryAddSingleton(sp => new SharedInformerFactory(
            sp.GetRequiredService<KubernetesClient>(), null, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        return services;
    }

    /// <summary>Registers an <see cref="EventRecorder"/> reporting as <paramref name="component"/>.</summary>
    public static IServiceCollection AddEventRecorder(this IServiceCollection services, string component)
    {
        services.TryAddSingleton(sp => new EventRecorder(
            sp.GetRequiredService<KubernetesClient>(), component, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<EventRecorder>>()));
        return services;
    }

    /// <summary>Adds a controller whose reconciler comes from DI; <paramref name="build"/> declares what it watches.</summary>
    public static IServiceCollection AddController<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TReconciler>(this IServiceCollection services, Func<IReconciler, ControllerDefinition> build)
        where TReconciler : class, IReconciler
    {
        services.TryAddSingleton<TReconciler>();
        services.AddSingleton(sp => build(sp.GetRequiredService<TReconciler>()));
        return services;
    }

    /// <summary>
    /// Hosts the <see cref="ControllerManager"/>; pass leader election settings to run workers only while leading.
    /// An <see cref="IReconcileObserver"/> registered in DI is told about every reconcile.
    /// </summary>
    public static IServiceCollection AddControllerManager(this IServiceCollection services, LeaderElectionOptions? leaderElection = null)
    {
        services.AddSingleton(sp => new ControllerManager(
            sp.GetRequiredService<KubernetesClient>(),
            sp.GetRequiredService<SharedInformerFactory>(),
            sp.GetServices<ControllerDefinition>(),
            leaderElection,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<IReconcileObserver>()));
        services.AddHostedService(sp => sp.GetRequiredService<ControllerManager>());
        return services;
    }
}
