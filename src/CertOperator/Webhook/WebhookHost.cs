using System.Text.Json;
using CertOperator.Hosting;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Hosting;
using CertOperator.Webhook.Admission;
using CertOperator.Webhook.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CertOperator.Webhook;

/// <summary>Composes the webhook process: client, admission handler, serving-certificate keeper, HTTPS and health listeners.</summary>
internal static class WebhookHost
{
    /// <summary>The process; a <paramref name="time"/> given (tests) replaces the system clock everywhere.</summary>
    public static WebApplication Build(WebhookSettings settings, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder();
        ConfigureLogging(builder.Logging, settings);
        builder.WebHost.ConfigureKestrel(k =>
        {
            var source = k.ApplicationServices.GetRequiredService<ServingCertificateSource>();
            k.Listen(settings.SecureEndpoint, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificateSelector = (_, _) => source.Select(),
            }));
            if (settings.HealthEndpoint is { } health)
            {
                k.Listen(health);
            }
        });
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddWebhook(settings, _ => LoadConfiguration(settings));
        var app = builder.Build();
        app.MapAdmission(settings.SecureEndpoint.Port);
        if (settings.HealthEndpoint is { } healthEndpoint)
        {
            app.MapWebhookHealth(healthEndpoint.Port);
        }

        return app;
    }

    public static IServiceCollection AddWebhook(
        this IServiceCollection services, WebhookSettings settings, Func<IServiceProvider, KubernetesClientConfiguration> configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddKubernetesClient(configuration, new KubernetesClientOptions { MaxRetries = 1, RequestTimeout = TimeSpan.FromSeconds(10) });
        services.AddSingleton<ISignerAuthorizer, ClusterSignerAuthorizer>();
        services.AddSingleton<AdmissionHandler>();
        services.AddSingleton(settings.Serving);
        services.AddSingleton<ServingCertificateSource>();
        services.AddSingleton(new WebhookSyncInterval(settings.SyncInterval));
        services.AddSingleton(sp => new CaBundlePublisher(
            sp.GetRequiredService<KubernetesClient>(), settings.ValidatingWebhookConfiguration, settings.MutatingWebhookConfiguration));
        services.AddSingleton<ServingCertificateKeeper>();
        services.AddHostedService(sp => sp.GetRequiredService<ServingCertificateKeeper>());
        return services;
    }

    private static void ConfigureLogging(ILoggingBuilder logging, WebhookSettings settings)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogVerbosity.ToLevel(settings.LogVerbosity));
        if (settings.LogFormat == "json")
        {
            logging.AddJsonConsole(o =>
            {
                o.TimestampFormat = "O";
                o.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }

        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
    }

    private static KubernetesClientConfiguration LoadConfiguration(WebhookSettings settings)
    {
        var kubeconfig = new KubeconfigOptions { Paths = settings.Kubeconfig is { } path ? [path] : null, Context = settings.Context };
        return settings.Kubeconfig is null ? KubernetesClientConfiguration.Load(kubeconfig) : KubernetesClientConfiguration.FromKubeconfig(kubeconfig);
    }
}
