using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace CertOperator.Hosting;

/// <summary>
/// cert-manager's listen-address flag values: "host:port" (":9402" listens on every address), or "0" to
/// switch the listener off.
/// </summary>
internal static class ListenAddress
{
    public const string Disabled = "0";

    /// <summary>Parses <paramref name="value"/>; <paramref name="endpoint"/> is null when it says "0".</summary>
    public static bool TryParse(string value, out IPEndPoint? endpoint, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(value);
        endpoint = null;
        error = null;
        if (value == Disabled)
        {
            return true;
        }

        var colon = value.LastIndexOf(':');
        var host = colon < 0 ? "" : value[..colon].Trim('[', ']');
        if (colon < 0 || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"\"{value}\" is not host:port with a port from 1 to 65535 (or 0 to disable)";
            return false;
        }

        IPAddress? address = host switch
        {
            "" => IPAddress.Any,
            "localhost" => IPAddress.Loopback,
            _ => IPAddress.TryParse(host, out var parsed) ? parsed : null,
        };
        if (address is null)
        {
            error = $"\"{value}\": \"{host}\" is not an IP address";
            return false;
        }

        endpoint = new IPEndPoint(address, port);
        return true;
    }
}
