using System.Security.Cryptography;
using System.Text;

namespace CertOperator.Kubernetes;

/// <summary>
/// Names derived from another object's name (a Certificate's CertificateRequest, an Order's Challenges, an
/// Event) must still be valid: at most 253 characters, each dot-separated label starting and ending
/// alphanumeric. A base that would not fit is cut and marked with a hash of the whole base, so two long names
/// sharing a prefix still derive different names, and the same base always derives the same name.
/// </summary>
public static class ObjectNames
{
    /// <summary>The longest name of an object whose name is a DNS subdomain (most kinds).</summary>
    public const int MaxLength = 253;

    private const int HashLength = 8;

    /// <summary><paramref name="baseName"/> + <paramref name="suffix"/>, shortened with a hash when too long.</summary>
    public static string Derive(string baseName, string suffix, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(baseName);
        ArgumentNullException.ThrowIfNull(suffix);
        if (baseName.Length + suffix.Length <= maxLength)
        {
            return baseName + suffix;
        }

        var hash = "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(baseName)))[..HashLength];
        var keep = Math.Max(0, maxLength - suffix.Length - hash.Length);
        var prefix = baseName[..Math.Min(keep, baseName.Length)].TrimEnd('-', '.');
        return prefix.Length == 0 ? hash[1..] + suffix : prefix + hash + suffix;
    }
}
