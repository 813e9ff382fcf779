namespace CertOperator.Testing.Pebble;

/// <summary>
/// pebble + pebble-challtestsrv + an http-01 responder wired together: the unit a test collection
/// fixture or a benchmark starts once and shares.
/// </summary>
public sealed class PebbleEnvironment : IAsyncDisposable
{
    private PebbleEnvironment(ChallTestServer dns, PebbleServer pebble, Http01Responder? http01)
    {
        Dns = dns;
        Pebble = pebble;
        Http01 = http01;
    }

    public ChallTestServer Dns { get; }

    public PebbleServer Pebble { get; }

    /// <summary>Null when started with <c>startResponder: false</c> (another program serves http-01).</summary>
    public Http01Responder? Http01 { get; }

    public int HttpValidationPort { get; private init; }

    public static async Task<PebbleEnvironment> StartAsync(
        Func<PebbleOptions, PebbleOptions>? configure, bool startResponder, CancellationToken cancellationToken)
    {
        var dns = await ChallTestServer.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var httpPort = Processes.FreePort.Next();
            // The responder binds its port before pebble starts, so nothing else can take it meanwhile.
            var responder = startResponder ? Http01Responder.Start(httpPort) : null;
            try
            {
                var options = new PebbleOptions { HttpValidationPort = httpPort, DnsServer = dns.DnsServer };
                var pebble = await PebbleServer.StartAsync(configure?.Invoke(options) ?? options, cancellationToken).ConfigureAwait(false);
                return new PebbleEnvironment(dns, pebble, responder) { HttpValidationPort = httpPort };
            }
            catch
            {
                if (responder is not null)
                {
                    await responder.DisposeAsync().ConfigureAwait(false);
                }

                throw;
            }
        }
        catch
        {
            await dns.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Http01 is not null)
        {
            await Http01.DisposeAsync().ConfigureAwait(false);
        }

        await Pebble.DisposeAsync().ConfigureAwait(false);
        await Dns.DisposeAsync().ConfigureAwait(false);
    }
}
