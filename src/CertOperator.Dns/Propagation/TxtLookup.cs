using CertOperator.Dns.Transport;
using CertOperator.Dns.Wire;

namespace CertOperator.Dns;

/// <summary>Reads the TXT values of a name from one nameserver.</summary>
public sealed class TxtLookup
{
    private readonly DnsQuerier _querier;

    public TxtLookup(TimeProvider? timeProvider = null, TimeSpan? timeout = null, int attempts = 3)
        : this(DnsQuerier.Create(timeProvider ?? TimeProvider.System, timeout ?? TimeSpan.FromSeconds(5), attempts))
    {
    }

    internal TxtLookup(DnsQuerier querier) => _querier = querier;

    /// <summary>
    /// The TXT values (character-strings joined) of <paramref name="fqdn"/> at <paramref name="nameserver"/> ("host:port"),
    /// following a CNAME chain the server returns in the same answer; empty when the name or record does not exist.
    /// </summary>
    public async Task<IReadOnlyList<string>> QueryAsync(string fqdn, string nameserver, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fqdn);
        var answer = await _querier.QueryAsync(fqdn, DnsType.Txt, NameserverAddress.Parse(nameserver), cancellationToken).ConfigureAwait(false);
        var owner = DnsName.Absolute(fqdn);
        foreach (var record in answer.Answers)
        {
            if (record is { Type: DnsType.Cname, Data: NameRecordData cname } && DnsName.AreEqual(record.Name, owner))
            {
                owner = cname.Target;
            }
        }

        return answer.Answers
            .Where(r => r.Type == DnsType.Txt && DnsName.AreEqual(r.Name, owner))
            .Select(r => ((TxtRecordData)r.Data).Value)
            .ToList();
    }
}
