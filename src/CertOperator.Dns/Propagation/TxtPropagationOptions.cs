namespace CertOperator.Dns;

/// <summary>Settings of <see cref="TxtPropagationChecker"/>.</summary>
public sealed record TxtPropagationOptions
{
    /// <summary>
    /// Recursive nameservers ("host:port") used to find the zone, its NS records and their addresses, and to follow
    /// CNAMEs; empty means the nameservers in /etc/resolv.conf.
    /// </summary>
    public IReadOnlyList<string> RecursiveNameservers { get; init; } = [];

    /// <summary>The port authoritative nameservers found through NS records are asked on.</summary>
    public int AuthoritativePort { get; init; } = NameserverAddress.DefaultPort;

    /// <summary>cert-manager's cnameStrategy Follow: check the name the challenge name's CNAME chain ends at.</summary>
    public bool FollowCnames { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public int Attempts { get; init; } = 3;
}
