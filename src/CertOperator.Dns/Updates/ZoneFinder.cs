using CertOperator.Dns.Transport;
using CertOperator.Dns.Wire;

namespace CertOperator.Dns.Updates;

/// <summary>Finds the zone containing a name by asking for SOA records, walking up one label at a time.</summary>
internal sealed class ZoneFinder(DnsQuerier querier)
{
    public async Task<string> FindAsync(string fqdn, NameserverAddress server, CancellationToken cancellationToken)
    {
        for (var name = DnsName.Absolute(fqdn); name is not null && name != DnsName.Root; name = DnsName.Parent(name))
        {
            DnsMessage answer;
            try
            {
                answer = await querier.QueryAsync(name, DnsType.Soa, server, cancellationToken).ConfigureAwait(false);
            }
            catch (DnsException e) when (e.Failure == DnsFailure.Rejected)
            {
                // A server that is not authoritative for a parent may refuse; keep walking up.
                continue;
            }

            // The SOA is in the answer at the apex, or in the authority section of a negative answer (RFC 2308 §3).
            var soa = answer.Answers.FirstOrDefault(r => r.Type == DnsType.Soa && DnsName.AreEqual(r.Name, name))
                ?? answer.Authorities.FirstOrDefault(r => r.Type == DnsType.Soa);
            if (soa is not null)
            {
                return DnsName.Absolute(soa.Name);
            }
        }

        throw new DnsException(DnsFailure.ZoneNotFound, server.ToString(), $"No zone containing '{fqdn}' was found by SOA lookup against nameserver {server}: check that it serves the zone, or set the zone explicitly.");
    }
}
