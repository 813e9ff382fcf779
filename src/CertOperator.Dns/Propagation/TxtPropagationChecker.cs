using CertOperator.Dns.Propagation;
using CertOperator.Dns.Transport;
using CertOperator.Dns.Updates;
using CertOperator.Dns.Wire;

namespace CertOperator.Dns;

/// <summary>
/// Asks each given nameserver, or every authoritative nameserver of the zone, for a TXT value
/// (cert-manager's propagation check before it tells the ACME server to validate).
/// </summary>
public sealed class TxtPropagationChecker : ITxtRecordChecker
{
    private const int MaxCnameHops = 10;
    private readonly TxtPropagationOptions _options;
    private readonly DnsQuerier _querier;
    private readonly TxtLookup _lookup;
    private readonly ZoneFinder _zones;
    private readonly List<NameserverAddress> _recursive;

    public TxtPropagationChecker(TxtPropagationOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new TxtPropagationOptions();
        _querier = DnsQuerier.Create(timeProvider ?? TimeProvider.System, _options.Timeout, _options.Attempts);
        _lookup = new TxtLookup(_querier);
        _zones = new ZoneFinder(_querier);
        var recursive = _options.RecursiveNameservers.Count > 0 ? _options.RecursiveNameservers : ResolvConf.ReadNameservers();
        _recursive = recursive.Select(NameserverAddress.Parse).ToList();
    }

    public async Task<bool> IsPresentAsync(string fqdn, string expectedValue, IReadOnlyList<string> nameservers, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fqdn);
        ArgumentNullException.ThrowIfNull(expectedValue);
        ArgumentNullException.ThrowIfNull(nameservers);
        var name = _options.FollowCnames ? await ResolveCnameAsync(fqdn, cancellationToken).ConfigureAwait(false) : DnsName.Absolute(fqdn);
        var servers = nameservers.Count > 0
            ? nameservers.Select(NameserverAddress.Parse).ToList()
            : await AuthoritativeNameserversAsync(name, cancellationToken).ConfigureAwait(false);
        foreach (var server in servers)
        {
            var values = await _lookup.QueryAsync(name, server.ToString(), cancellationToken).ConfigureAwait(false);
            if (!values.Contains(expectedValue, StringComparer.Ordinal))
            {
                return false;
            }
        }

        return servers.Count > 0;
    }

    /// <summary>The name at the end of <paramref name="fqdn"/>'s CNAME chain (itself without one), as the recursive nameservers see it.</summary>
    public async Task<string> ResolveCnameAsync(string fqdn, CancellationToken cancellationToken)
    {
        var name = DnsName.Absolute(fqdn);
        for (var hop = 0; hop < MaxCnameHops; hop++)
        {
            var current = name;
            var answer = await RecursiveAsync(server => _querier.QueryAsync(current, DnsType.Cname, server, cancellationToken)).ConfigureAwait(false);
            var cname = answer.Answers.FirstOrDefault(r => r.Type == DnsType.Cname && DnsName.AreEqual(r.Name, current));
            if (cname?.Data is not NameRecordData target)
            {
                return name;
            }

            name = DnsName.Absolute(target.Target);
        }

        throw new DnsException(DnsFailure.MalformedResponse, string.Join(", ", _recursive), $"The CNAME chain of '{fqdn}' is longer than {MaxCnameHops} hops or loops: fix the CNAME records.");
    }

    public Task<string> FindZoneAsync(string fqdn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fqdn);
        return RecursiveAsync(server => _zones.FindAsync(fqdn, server, cancellationToken));
    }

    /// <summary>Addresses of the zone's NS hosts: glue from the NS answer, otherwise A then AAAA lookups.</summary>
    internal async Task<IReadOnlyList<NameserverAddress>> AuthoritativeNameserversAsync(string fqdn, CancellationToken cancellationToken)
    {
        var zone = await FindZoneAsync(fqdn, cancellationToken).ConfigureAwait(false);
        var nsAnswer = await RecursiveAsync(server => _querier.QueryAsync(zone, DnsType.Ns, server, cancellationToken)).ConfigureAwait(false);
        var servers = new List<NameserverAddress>();
        foreach (var ns in nsAnswer.Answers.Where(r => r.Type == DnsType.Ns).Select(r => ((NameRecordData)r.Data).Target))
        {
            var addresses = nsAnswer.Additionals.Where(r => r.Type is DnsType.A or DnsType.Aaaa && DnsName.AreEqual(r.Name, ns)).ToList();
            foreach (var type in new[] { DnsType.A, DnsType.Aaaa })
            {
                if (addresses.Count == 0)
                {
                    var answer = await RecursiveAsync(server => _querier.QueryAsync(ns, type, server, cancellationToken)).ConfigureAwait(false);
                    addresses = answer.Answers.Where(r => r.Type == type).ToList();
                }
            }

            servers.AddRange(addresses.Select(r => new NameserverAddress(((AddressRecordData)r.Data).Address.ToString(), _options.AuthoritativePort)));
        }

        return servers.Count > 0
            ? servers.Distinct().ToList()
            : throw new DnsException(DnsFailure.ZoneNotFound, string.Join(", ", _recursive), $"The zone '{zone}' has no NS records with addresses: check its delegation or pass nameservers explicitly.");
    }

    // Tries each recursive nameserver in turn until one answers.
    private async Task<T> RecursiveAsync<T>(Func<NameserverAddress, Task<T>> query)
    {
        if (_recursive.Count == 0)
        {
            throw new DnsException(DnsFailure.Unreachable, string.Empty, "No recursive nameservers are configured and /etc/resolv.conf lists none: set the recursive nameservers.");
        }

        DnsException? last = null;
        foreach (var server in _recursive)
        {
            try
            {
                return await query(server).ConfigureAwait(false);
            }
            catch (DnsException e) when (e.Failure == DnsFailure.Unreachable)
            {
                last = e;
            }
        }

        throw last!;
    }
}
