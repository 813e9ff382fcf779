using System.Security.Cryptography;

namespace CertOperator.Dns;

/// <summary>A TSIG HMAC algorithm (RFC 8945 §6), named on the wire and in cert-manager's <c>tsigAlgorithm</c> field.</summary>
public sealed class TsigAlgorithm
{
    private readonly Func<byte[], byte[], byte[]> _hmac;

    private TsigAlgorithm(string certManagerName, string wireName, Func<byte[], byte[], byte[]> hmac)
    {
        CertManagerName = certManagerName;
        WireName = wireName;
        _hmac = hmac;
    }

    public static TsigAlgorithm HmacMd5 { get; } = new("HMACMD5", "hmac-md5.sig-alg.reg.int.", HMACMD5.HashData);

    public static TsigAlgorithm HmacSha1 { get; } = new("HMACSHA1", "hmac-sha1.", HMACSHA1.HashData);

    public static TsigAlgorithm HmacSha256 { get; } = new("HMACSHA256", "hmac-sha256.", HMACSHA256.HashData);

    public static TsigAlgorithm HmacSha512 { get; } = new("HMACSHA512", "hmac-sha512.", HMACSHA512.HashData);

    public static IReadOnlyList<TsigAlgorithm> All { get; } = [HmacMd5, HmacSha1, HmacSha256, HmacSha512];

    /// <summary>The name in cert-manager's rfc2136 <c>tsigAlgorithm</c> field, e.g. HMACSHA256.</summary>
    public string CertManagerName { get; }

    /// <summary>The algorithm's domain name in the TSIG record, e.g. "hmac-sha256.".</summary>
    public string WireName { get; }

    /// <summary>The name in bind's key statements and nsupdate -y, e.g. hmac-md5.</summary>
    public string BindName => WireName.Split('.')[0];

    /// <summary>
    /// Parses cert-manager's <c>tsigAlgorithm</c> (HMACMD5, HMACSHA1, HMACSHA256, HMACSHA512; empty means HMACMD5),
    /// a wire name such as "hmac-md5.sig-alg.reg.int." or a bind name such as "hmac-md5".
    /// </summary>
    public static TsigAlgorithm Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return HmacMd5;
        }

        var trimmed = name.Trim();
        var wire = trimmed.EndsWith('.') ? trimmed : trimmed + ".";
        return All.FirstOrDefault(a => string.Equals(a.CertManagerName, trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(a.WireName, wire, StringComparison.OrdinalIgnoreCase)
                || string.Equals(a.BindName, trimmed, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"Unsupported TSIG algorithm '{name}': use one of {string.Join(", ", All.Select(a => a.CertManagerName))}.", nameof(name));
    }

    public override string ToString() => CertManagerName;

    internal byte[] ComputeMac(byte[] secret, byte[] data) => _hmac(secret, data);
}
