using CertOperator.Dns.Transport;
using CertOperator.Dns.Updates;
using CertOperator.Dns.Wire;

namespace CertOperator.Dns;

/// <summary>Adds and removes TXT values with RFC 2136 dynamic updates, signed with TSIG (RFC 8945) when a key is set.</summary>
public sealed class Rfc2136Client : IDnsUpdater
{
    private readonly Rfc2136Options _options;
    private readonly NameserverAddress _server;
    private readonly DnsExchange _exchange;
    private readonly ZoneFinder _zones;

    public Rfc2136Client(Rfc2136Options options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _server = NameserverAddress.Parse(options.Nameserver);
        var clock = timeProvider ?? TimeProvider.System;
        _exchange = new DnsExchange(new DnsTransport(clock, options.Timeout, options.Attempts), clock);
        _zones = new ZoneFinder(new DnsQuerier(_exchange, options.Protocol));
    }

    public Task AddTxtAsync(string fqdn, string value, int ttl, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ttl);
        return UpdateAsync(fqdn, DnsClass.In, (uint)ttl, value, cancellationToken);
    }

    // Class NONE with the exact RDATA deletes just that RR from the set (RFC 2136 §2.5.4).
    public Task RemoveTxtAsync(string fqdn, string value, CancellationToken cancellationToken) =>
        UpdateAsync(fqdn, DnsClass.None, 0, value, cancellationToken);

    private async Task UpdateAsync(string fqdn, DnsClass @class, uint ttl, string value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fqdn);
        ArgumentNullException.ThrowIfNull(value);
        var name = DnsName.Absolute(fqdn);
        var zone = _options.Zone is { } configured
            ? DnsName.Absolute(configured)
            : await _zones.FindAsync(name, _server, cancellationToken).ConfigureAwait(false);
        var request = UpdateMessage.ChangeTxt(DnsExchange.NewId(), zone, name, @class, ttl, value);
        var answer = await _exchange.SendAsync(request, _server, _options.Protocol, _options.TsigKey, cancellationToken).ConfigureAwait(false);
        // TSIG errors (BADSIG, BADKEY, BADTIME) were already thrown by the exchange; this is the header RCODE.
        if (answer.Rcode != DnsRcode.NoError)
        {
            throw new DnsException(DnsFailure.Rejected, _server.ToString(), DnsErrors.Describe(answer.Rcode, _server, _options.TsigKey, zone.TrimEnd('.')), answer.Rcode);
        }
    }
}
