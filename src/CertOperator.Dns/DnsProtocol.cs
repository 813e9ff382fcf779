namespace CertOperator.Dns;

/// <summary>cert-manager's rfc2136 <c>protocol</c> field; UDP falls back to TCP when an answer is truncated.</summary>
public enum DnsProtocol
{
    Udp,
    Tcp,
}
