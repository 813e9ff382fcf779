namespace CertOperator.Testing.Pebble;

/// <summary>How to configure one pebble instance.</summary>
public sealed record PebbleOptions
{
    /// <summary>Port pebble connects to for http-01 validation (a test's responder listens there).</summary>
    public required int HttpValidationPort { get; init; }

    /// <summary>"host:port" of the DNS server pebble resolves names with (pebble-challtestsrv).</summary>
    public required string DnsServer { get; init; }

    /// <summary>PEBBLE_WFE_NONCEREJECT: percentage of valid nonces pebble rejects as badNonce.</summary>
    public int NonceRejectPercent { get; init; }

    /// <summary>PEBBLE_AUTHZREUSE: percentage of valid authorizations reused in new orders.</summary>
    public int AuthorizationReusePercent { get; init; }

    /// <summary>PEBBLE_ALTERNATE_ROOTS: extra root hierarchies, offered as Link rel="alternate" chains.</summary>
    public int AlternateRoots { get; init; }

    /// <summary>kid → base64url MAC key; non-empty makes External Account Binding mandatory.</summary>
    public IReadOnlyDictionary<string, string> ExternalAccountMacKeys { get; init; } = new Dictionary<string, string>();
}
