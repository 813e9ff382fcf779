using Microsoft.Extensions.Logging;

namespace CertOperator.Acme;

/// <summary>Everything <see cref="AcmeClientFactory"/> needs to build a client.</summary>
public sealed record AcmeClientOptions
{
    public required Uri DirectoryUrl { get; init; }

    public required AcmeAccountKey AccountKey { get; init; }

    /// <summary>The account URL if already known (saves a lookup); otherwise ensure or lookup finds it.</summary>
    public Uri? AccountUrl { get; init; }

    /// <summary>Handler to send through (custom CA trust, proxies). Not disposed by the client.</summary>
    public HttpMessageHandler? Handler { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILogger? Logger { get; init; }

    /// <summary>Told about every HTTP request sent, e.g. to count them as metrics.</summary>
    public IAcmeRequestObserver? RequestObserver { get; init; }

    /// <summary>Retries of transient failures (5xx, network faults) per request.</summary>
    public int MaxTransientRetries { get; init; } = 3;

    /// <summary>
    /// How long one request may wait for the server's whole answer; on expiry the call throws
    /// <see cref="AcmeTimeoutException"/> at once, without retrying.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
