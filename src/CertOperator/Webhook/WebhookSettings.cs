using System.Net;
using CertOperator.Webhook.Serving;

namespace CertOperator.Webhook;

/// <summary>What the `webhook` verb was asked for.</summary>
internal sealed record WebhookSettings
{
    public string? Kubeconfig { get; init; }

    public string? Context { get; init; }

    /// <summary>Where /validate and /mutate are served over HTTPS (cert-manager's chart uses 10250).</summary>
    public IPEndPoint SecureEndpoint { get; init; } = new(IPAddress.Any, 10250);

    /// <summary>Where /livez, /readyz and /healthz are served over plain HTTP (cert-manager's webhook: 6080); null for nowhere.</summary>
    public IPEndPoint? HealthEndpoint { get; init; } = new(IPAddress.Any, 6080);

    public required ServingIdentity Serving { get; init; }

    /// <summary>Our own configurations, whose caBundle this process keeps current; null or empty: none.</summary>
    public string? ValidatingWebhookConfiguration { get; init; }

    public string? MutatingWebhookConfiguration { get; init; }

    public TimeSpan SyncInterval { get; init; } = TimeSpan.FromSeconds(10);

    public string LogFormat { get; init; } = "text";

    public int LogVerbosity { get; init; } = Hosting.LogVerbosity.Default;
}
