using CertOperator.Dns;
using CertOperator.Testing.Bind;

namespace CertOperator.Testing.DnsFakes;

/// <summary>
/// The record store behind a fake DNS provider API: TXT values live in a running bind9 (changed by TSIG-signed
/// RFC 2136 updates), so pebble validates what the fake was told to publish, for real.
/// </summary>
public sealed class BindTxtZone(BindServer bind)
{
    private readonly Rfc2136Client _client = new(new Rfc2136Options
    {
        Nameserver = bind.Nameserver,
        TsigKey = new TsigKey(bind.Key.Name, TsigAlgorithm.Parse(bind.Key.Algorithm), bind.Key.Secret),
    });

    /// <summary>The zone bind serves, e.g. `example.test` (no trailing dot).</summary>
    public string Zone => bind.Zone;

    /// <summary>Adds <paramref name="value"/> to the TXT set of <paramref name="fqdn"/> (with or without the trailing dot); an existing value stays once.</summary>
    public Task AddAsync(string fqdn, string value, int ttl, CancellationToken ct) => _client.AddTxtAsync(Absolute(fqdn), value, ttl, ct);

    /// <summary>Removes only <paramref name="value"/> from the TXT set of <paramref name="fqdn"/>.</summary>
    public Task RemoveAsync(string fqdn, string value, CancellationToken ct) => _client.RemoveTxtAsync(Absolute(fqdn), value, ct);

    /// <summary>The TXT values bind answers for <paramref name="fqdn"/> now.</summary>
    public async Task<IReadOnlyList<string>> ValuesAsync(string fqdn, CancellationToken ct) =>
        [.. (await bind.DigAsync(Absolute(fqdn), "TXT", ct)).Select(v => v.Trim('"'))];

    private static string Absolute(string fqdn) => fqdn.EndsWith('.') ? fqdn : fqdn + ".";
}
