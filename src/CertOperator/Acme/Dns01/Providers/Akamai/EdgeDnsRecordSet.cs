namespace CertOperator.Acme.Dns01.Providers.Akamai;

/// <summary>An Edge DNS v2 record set (`/config-dns/v2/zones/{zone}/names/{name}/types/{type}`).</summary>
internal sealed record EdgeDnsRecordSet
{
    public required string Name { get; init; }

    public required string Type { get; init; }

    public required int Ttl { get; init; }

    public required List<string> Rdata { get; init; }
}
