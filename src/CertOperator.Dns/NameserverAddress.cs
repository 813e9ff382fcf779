using System.Globalization;
using System.Net;

namespace CertOperator.Dns;

/// <summary>A nameserver as cert-manager writes it: "host", "host:port", "[v6]" or "[v6]:port"; the port defaults to 53.</summary>
public sealed record NameserverAddress(string Host, int Port)
{
    public const int DefaultPort = 53;

    public static NameserverAddress Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var text = value.Trim();
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < text.Length && text[close + 1] != ':'))
            {
                throw Invalid(value);
            }

            var host = text[1..close];
            return new NameserverAddress(host, close + 1 < text.Length ? ParsePort(text[(close + 2)..], value) : DefaultPort);
        }

        var colon = text.LastIndexOf(':');
        if (colon >= 0 && text.IndexOf(':', StringComparison.Ordinal) != colon)
        {
            // A bare IPv6 address has several colons and no port.
            return IPAddress.TryParse(text, out _) ? new NameserverAddress(text, DefaultPort) : throw Invalid(value);
        }

        var name = colon < 0 ? text : text[..colon];
        return Uri.CheckHostName(name) == UriHostNameType.Unknown
            ? throw Invalid(value)
            : new NameserverAddress(name, colon < 0 ? DefaultPort : ParsePort(text[(colon + 1)..], value));
    }

    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    private static int ParsePort(string port, string value) =>
        int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535
            ? number
            : throw Invalid(value);

    private static FormatException Invalid(string value) =>
        new($"The nameserver '{value}' is not 'host', 'host:port' or '[ipv6]:port'.");
}
