namespace CertOperator.Dns;

/// <summary>Checks that a DNS-01 TXT value is visible before the ACME server is asked to validate.</summary>
public interface ITxtRecordChecker
{
    /// <summary>
    /// True when every nameserver answers <paramref name="expectedValue"/> among the TXT values of <paramref name="fqdn"/>.
    /// With no <paramref name="nameservers"/> ("host:port"), asks the zone's authoritative nameservers.
    /// </summary>
    Task<bool> IsPresentAsync(string fqdn, string expectedValue, IReadOnlyList<string> nameservers, CancellationToken cancellationToken);

    /// <summary>The name at the end of <paramref name="fqdn"/>'s CNAME chain (itself when it has none), as the recursive nameservers see it.</summary>
    Task<string> ResolveCnameAsync(string fqdn, CancellationToken cancellationToken);
}
