using System.Reflection;
using CertOperator.Acme.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertOperator.Acme;

/// <summary>Builds <see cref="IAcmeClient"/> instances.</summary>
public static class AcmeClientFactory
{
    /// <summary>The User-Agent every request carries (RFC 8555 §6.1 asks clients to send one).</summary>
    public static string UserAgent { get; } = "CertOperator/" + Version();

    public static IAcmeClient Create(AcmeClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = options.Handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        // The transport bounds each request itself (on options.TimeProvider), so HttpClient's own timeout is off.
        var http = new HttpClient(handler, disposeHandler: options.Handler is null) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        var logger = options.Logger ?? NullLogger.Instance;
        var transport = new AcmeTransport(http, options.TimeProvider, options.RequestTimeout, logger, options.MaxTransientRetries, options.RequestObserver);
        return new AcmeClient(options, http, transport, logger);
    }

    private static string Version()
    {
        var informational = typeof(AcmeClientFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? "0.0.0";
    }
}
