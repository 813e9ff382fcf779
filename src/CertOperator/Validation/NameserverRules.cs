using System.Globalization;

namespace CertOperator.Validation;

/// <summary>
/// An RFC 2136 nameserver as cert-manager reads it (validation/util/nameserver.go, on Go's net.SplitHostPort):
/// `host`, `host:` or `host:port`, with an IPv6 host in brackets; the port defaults to 53.
/// </summary>
internal static class NameserverRules
{
    public const string Form = "nameserver must be set in the form host:port where host is an IPv4 address, an enclosed IPv6 address or a hostname and port is an optional port number.";

    /// <summary>The nameserver as host:port with the default port filled in, or null when it is malformed.</summary>
    public static string? Normalize(string nameserver)
    {
        var text = nameserver.Trim();
        if (text.Length == 0 || text.Any(char.IsWhiteSpace))
        {
            return null;
        }

        var (host, port) = Split(text);
        if (host is null || host.Length == 0 || (port.Length > 0 && !ValidPort(port)))
        {
            return null;
        }

        var bracketed = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return $"{bracketed}:{(port.Length > 0 ? port : "53")}";
    }

    // Go's SplitHostPort, where a missing port is not an error but means the default.
    private static (string? Host, string Port) Split(string text)
    {
        if (text.StartsWith('['))
        {
            var end = text.IndexOf(']', StringComparison.Ordinal);
            if (end < 0)
            {
                return (null, "");
            }

            var host = text[1..end];
            var rest = text[(end + 1)..];
            return rest.Length == 0 ? (host, "")
                : rest[0] == ':' && !rest.Contains('[', StringComparison.Ordinal) && !rest.Contains(']', StringComparison.Ordinal) && !host.Contains('[', StringComparison.Ordinal) ? (host, rest[1..])
                : (null, "");
        }

        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return text.Contains('[', StringComparison.Ordinal) || text.Contains(']', StringComparison.Ordinal) ? (null, "") : (text, "");
        }

        var name = text[..colon];
        return name.Contains(':', StringComparison.Ordinal) || name.Contains('[', StringComparison.Ordinal) || name.Contains(']', StringComparison.Ordinal)
            ? (null, "")
            : (name, text[(colon + 1)..]);
    }

    private static bool ValidPort(string port) =>
        port.All(char.IsAsciiDigit) && int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 65535;
}
