namespace CertOperator.Testing.Pebble;

/// <summary>
/// pebble + pebble-challtestsrv + an http-01 responder wired together: the unit a test collection
/// fixture or a benchmark starts once and shares.
/// </summary>
public sealed class PebbleEnvironment : IAsyncDisposable
{
    private PebbleEnvironment(ChallTestServer dns, PebbleServer pebble, int httpValidationPort)
    {
        Dns = dns;
        Pebble = pebble;
        HttpValidationPort = httpValidationPort;
    }

    public ChallTestServer Dns { get; }

    public PebbleServer Pebble { get; }

    /// <summary>The responder on <see cref="HttpValidationPort"/>; null while another program (lego) serves http-01 there.</summary>
    public Http01Responder? Http01 { get; private set; }

    public int HttpValidationPort { get; }

    public static async Task<PebbleEnvironment> StartAsync(
        Func<PebbleOptions, PebbleOptions>? configure, bool startResponder, CancellationToken cancellationToken)
    {
        var dns = await ChallTestServer.StartAsync(cancellationToken).ConfigureAwait(false);
        var httpPort = Processes.FreePort.Next();
        // The responder binds its port before pebble starts, so nothing else can take it meanwhile.
        var responder = startResponder ? Http01Responder.Start(httpPort) : null;
        try
        {
            var options = new PebbleOptions { HttpValidationPort = httpPort, DnsServer = dns.DnsServer };
            var pebble = await PebbleServer.StartAsync(configure?.Invoke(options) ?? options, cancellationToken).ConfigureAwait(false);
            return new PebbleEnvironment(dns, pebble, httpPort) { Http01 = responder };
        }
        catch
        {
            if (responder is not null)
            {
                await responder.DisposeAsync().ConfigureAwait(false);
            }

            await dns.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts the http-01 responder (optionally also serving files from a webroot) if none runs.</summary>
    public Http01Responder StartResponder(string? webroot = null) => Http01 ??= Http01Responder.Start(HttpValidationPort, webroot);

    /// <summary>Frees the validation port so another program can listen there.</summary>
    public async Task StopResponderAsync()
    {
        if (Http01 is { } responder)
        {
            Http01 = null;
            await responder.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopResponderAsync().ConfigureAwait(false);
        await Pebble.DisposeAsync().ConfigureAwait(false);
        await Dns.DisposeAsync().ConfigureAwait(false);
    }
}
