using CertOperator.Acme.Dns01;

namespace CertOperator.Acme.Solvers;

/// <summary>The failures a solver reports for the cluster or the DNS provider (not bugs): shown on the Challenge, retried.</summary>
internal static class SolverFailure
{
    /// <summary>
    /// A missing named Ingress, a DNS server down, a provider refusing the credentials or rate-limiting, a solver
    /// configured wrongly: usually fixable outside the operator.
    /// </summary>
    public static bool Covers(Exception e) =>
        e is InvalidOperationException or HttpRequestException or Dns.DnsException or DnsProviderException or SolverConfigurationException;
}
