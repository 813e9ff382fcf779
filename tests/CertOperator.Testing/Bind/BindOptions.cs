namespace CertOperator.Testing.Bind;

/// <summary>What the test named serves.</summary>
public sealed record BindOptions
{
    /// <summary>The zone named is primary for, without the trailing dot.</summary>
    public string Zone { get; init; } = "example.test";

    /// <summary>
    /// One TSIG key per algorithm (bind spelling: hmac-md5, hmac-sha1, hmac-sha256, hmac-sha512), each allowed to update
    /// the zone. The first is named "acme-key", the others "acme-key-&lt;algorithm&gt;".
    /// </summary>
    public IReadOnlyList<string> KeyAlgorithms { get; init; } = ["hmac-sha256"];

    /// <summary>
    /// Address for "*.&lt;zone&gt;" A records, so ACME test servers resolving any test name reach loopback; null for none.
    /// </summary>
    public string? WildcardAddress { get; init; } = "127.0.0.1";

    /// <summary>Extra zone file lines, relative to the zone origin (e.g. "alias IN CNAME target").</summary>
    public IReadOnlyList<string> ExtraRecords { get; init; } = [];
}
