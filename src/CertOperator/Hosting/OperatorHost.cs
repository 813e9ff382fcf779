using System.Net;
using System.Text.Json;
using CertOperator.Acme.Http01;
using CertOperator.Dns;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Hosting;
using CertOperator.Kubernetes.LeaderElection;
using CertOperator.Memory;
using CertOperator.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CertOperator.Hosting;

/// <summary>Composes the operator process: client, shared informers, controllers, leader election, health and metrics endpoints.</summary>
internal static class OperatorHost
{
    public const string EventComponent = "certoperator";
    public const string LeaseName = "certoperator-leader";

    public static WebApplication Build(RunSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogVerbosity.ToLevel(settings.LogVerbosity));
        if (settings.LogFormat == "json")
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.TimestampFormat = "O";
                // One object per line: log shippers split on newlines.
                o.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            foreach (var endpoint in new[] { settings.HealthListenAddress, settings.MetricsListenAddress }.OfType<IPEndPoint>().DistinctBy(e => e.ToString()))
            {
                k.Listen(endpoint);
            }
        });
        if (settings.HealthListenAddress is null && settings.MetricsListenAddress is null)
        {
            // Without a listener Kestrel would fall back to its default :5000; an ephemeral loopback port serves nobody.
            builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        }

        builder.Services.AddOperator(settings, _ => LoadConfiguration(settings));
        builder.Services.AddHeapTrimming();
        var app = builder.Build();
        if (settings.MetricsListenAddress is { } metrics)
        {
            app.MapMetrics(metrics.Port);
        }

        if (settings.HealthListenAddress is { } health)
        {
            app.MapHealth(health.Port);
        }

        return app;
    }

    /// <summary>
    /// Registers the operator itself (options, client, controllers, manager) without logging or HTTP, so the
    /// `run` verb and in-process tests share one wiring. A <see cref="TimeProvider"/> registered before this wins.
    /// </summary>
    public static IServiceCollection AddOperator(
        this IServiceCollection services, RunSettings settings, Func<IServiceProvider, KubernetesClientConfiguration> configuration)
    {
        services.AddSingleton(new OperatorOptions
        {
            ClusterResourceNamespace = settings.ClusterResourceNamespace,
            Concurrency = settings.Concurrency,
            MaxConcurrentChallenges = settings.MaxConcurrentChallenges,
            Dns01Nameservers = settings.Dns01RecursiveNameservers,
            ClusterIssuerAmbientCredentials = settings.ClusterIssuerAmbientCredentials,
            IssuerAmbientCredentials = settings.IssuerAmbientCredentials,
            Dns01ProviderEndpoints = settings.Dns01ProviderEndpoints,
            DefaultIssuerName = settings.DefaultIssuerName,
            DefaultIssuerKind = settings.DefaultIssuerKind,
            DefaultIssuerGroup = settings.DefaultIssuerGroup,
            AutoCertificateAnnotations = settings.AutoCertificateAnnotations,
            ExtraCertificateAnnotations = settings.ExtraCertificateAnnotations,
            FeatureGates = settings.FeatureGates,
            GatewayApiExtraProtocols = settings.GatewayApiExtraProtocols,
        });
        services.AddSingleton(new Http01Options
        {
            SolverImage = settings.SolverImage,
            SelfCheckHost = settings.Http01SelfCheckHost,
            SelfCheckPort = settings.Http01SelfCheckPort,
        });
        services.AddOperatorMetrics();
        services.AddSingleton<ITxtRecordChecker>(sp => new TxtPropagationChecker(
            new TxtPropagationOptions { RecursiveNameservers = settings.Dns01RecursiveNameservers },
            sp.GetRequiredService<TimeProvider>()));
        services.AddKubernetesClient(configuration, new KubernetesClientOptions { Qps = settings.KubeApiQps, Burst = settings.KubeApiBurst });
        services.AddEventRecorder(EventComponent);
        services.AddCertificateControllers(settings.Concurrency, settings.ClusterResourceNamespace);
        if (settings.FeatureGates.AcmeUseAri)
        {
            services.AddAcmeRenewalInfoController(settings.Concurrency);
        }

        if (settings.EnableGatewayApi)
        {
            services.AddGatewayShim(settings.Concurrency);
        }

        if (settings.EnableCaInjector)
        {
            services.AddCaInjectorControllers();
        }

        services.AddControllerManager(settings.LeaderElect
            ? new LeaderElectionOptions
            {
                LeaseName = LeaseName,
                LeaseNamespace = settings.LeaderElectionNamespace,
                Identity = Identity(),
                LeaseDuration = settings.LeaderElectionLeaseDuration,
                RenewDeadline = settings.LeaderElectionRenewDeadline,
                RetryPeriod = settings.LeaderElectionRetryPeriod,
            }
            : null);
        return services;
    }

    private static KubernetesClientConfiguration LoadConfiguration(RunSettings settings)
    {
        var kubeconfig = new KubeconfigOptions
        {
            Paths = settings.Kubeconfig is { } path ? [path] : null,
            Context = settings.Context,
        };
        return settings.Kubeconfig is null
            ? KubernetesClientConfiguration.Load(kubeconfig)
            : KubernetesClientConfiguration.FromKubeconfig(kubeconfig);
    }

    private static string Identity() =>
        $"{Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.MachineName}_{Guid.NewGuid():N}";
}
