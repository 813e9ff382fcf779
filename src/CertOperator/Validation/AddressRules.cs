using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace CertOperator.Validation;

/// <summary>
/// IP addresses, CIDR ranges, URIs, email addresses and OIDs as Go's net, net/url, net/mail and
/// encoding/asn1 read them in cert-manager; .NET's parsers are more lenient ("1" is an IPv4 address to
/// IPAddress.TryParse, "/x" an absolute URI on Linux), so the accepted shapes are spelled out here.
/// </summary>
internal static partial class AddressRules
{
    /// <summary>Like Go's net.ParseIP: dotted-quad IPv4 without leading zeros, or IPv6 without zone, brackets or port.</summary>
    public static bool IsIp(string text) => text.Contains(':', StringComparison.Ordinal)
        ? text.IndexOfAny(['%', '[', ']']) < 0 && IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
        : Ipv4().IsMatch(text);

    /// <summary>Like Go's net.ParseCIDR: an address, '/', and a prefix length that fits it.</summary>
    public static bool IsCidr(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IsIp(text[..slash]) || !PrefixDigits().IsMatch(text[(slash + 1)..]))
        {
            return false;
        }

        var max = text.Contains(':', StringComparison.Ordinal) ? 128 : 32;
        return int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && bits <= max;
    }

    /// <summary>An absolute URI with a scheme, e.g. `spiffe://cluster.local/ns/app/sa/web`.</summary>
    public static bool IsAbsoluteUri(string text) =>
        Scheme().IsMatch(text) && !text.Any(char.IsWhiteSpace) && Uri.TryCreate(text, UriKind.Absolute, out _);

    /// <summary>
    /// Null for a bare address such as `alice@example.com`; otherwise cert-manager's message
    /// (it rejects RFC 5322 display names and anything but the address itself).
    /// </summary>
    public static string? EmailProblem(string text)
    {
        if (!text.Contains('@', StringComparison.Ordinal))
        {
            return "invalid email address: mail: missing '@' or angle-addr";
        }

        return MailAddress.TryCreate(text, out var parsed) && parsed.Address == text && parsed.DisplayName.Length == 0 && BareAddress().IsMatch(text)
            ? null
            : "invalid email address: make sure the supplied value only contains the email address itself";
    }

    /// <summary>A dotted object identifier such as `1.3.6.1.4.1.311.20.2.3`: at least two numeric arcs.</summary>
    public static bool IsOid(string text) => Oid().IsMatch(text);

    [GeneratedRegex(@"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4();

    [GeneratedRegex("^[0-9]{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixDigits();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^[^\s<>():,;""\[\]@]+@[^\s<>():,;""\[\]@]+$", RegexOptions.CultureInvariant)]
    private static partial Regex BareAddress();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Oid();
}
