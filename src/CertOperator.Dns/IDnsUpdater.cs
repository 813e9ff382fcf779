namespace CertOperator.Dns;

/// <summary>Publishes and withdraws DNS-01 TXT values.</summary>
public interface IDnsUpdater
{
    /// <summary>Adds <paramref name="value"/> to the TXT record set of <paramref name="fqdn"/>; adding an existing value is a no-op.</summary>
    Task AddTxtAsync(string fqdn, string value, int ttl, CancellationToken cancellationToken);

    /// <summary>Removes only <paramref name="value"/> from the TXT record set, leaving other values (other challenges) in place.</summary>
    Task RemoveTxtAsync(string fqdn, string value, CancellationToken cancellationToken);
}
