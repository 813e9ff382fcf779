using CertOperator.Dns.Wire;

namespace CertOperator.Dns.Transport;

/// <summary>Plain (unsigned) queries; NXDOMAIN is an answer, other error RCODEs throw.</summary>
internal sealed class DnsQuerier(DnsExchange exchange, DnsProtocol protocol = DnsProtocol.Udp)
{
    public static DnsQuerier Create(TimeProvider timeProvider, TimeSpan timeout, int attempts) =>
        new(new DnsExchange(new DnsTransport(timeProvider, timeout, attempts), timeProvider));

    public async Task<DnsMessage> QueryAsync(string name, DnsType type, NameserverAddress server, CancellationToken cancellationToken)
    {
        var request = new DnsMessage
        {
            Id = DnsExchange.NewId(),
            RecursionDesired = true,
            Questions = [new DnsQuestion(DnsName.Absolute(name), type)],
        };
        var answer = await exchange.SendAsync(request, server, protocol, key: null, cancellationToken).ConfigureAwait(false);
        return answer.Rcode is DnsRcode.NoError or DnsRcode.NxDomain
            ? answer
            : throw new DnsException(DnsFailure.Rejected, server.ToString(), $"Nameserver {server} answered {answer.Rcode.ToString().ToUpperInvariant()} to the {type.ToString().ToUpperInvariant()} query for '{name}'.", answer.Rcode);
    }
}
