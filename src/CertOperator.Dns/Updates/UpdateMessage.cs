using CertOperator.Dns.Wire;

namespace CertOperator.Dns.Updates;

/// <summary>Builds RFC 2136 UPDATE messages that change one TXT value.</summary>
internal static class UpdateMessage
{
    /// <summary>Zone section: the zone's SOA; no prerequisites; update section: the one TXT record.</summary>
    public static DnsMessage ChangeTxt(ushort id, string zone, string fqdn, DnsClass @class, uint ttl, string value) => new()
    {
        Id = id,
        Opcode = DnsOpcode.Update,
        Questions = [new DnsQuestion(DnsName.Absolute(zone), DnsType.Soa)],
        Authorities = [new DnsRecord(DnsName.Absolute(fqdn), DnsType.Txt, @class, ttl, TxtRecordData.FromValue(value))],
    };
}
