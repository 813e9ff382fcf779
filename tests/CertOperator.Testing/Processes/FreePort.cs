using System.Net;
using System.Net.Sockets;

namespace CertOperator.Testing.Processes;

/// <summary>Loopback ports nobody listens on right now (TCP and UDP), for servers a test starts.</summary>
public static class FreePort
{
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A port free right now and never handed out before in this process (servers start after the pick).</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            try
            {
                // DNS servers need the UDP port as well, so only hand out ports free for both.
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                lock (HandedOut)
                {
                    if (HandedOut.Add(port))
                    {
                        return port;
                    }
                }
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("No free loopback port found.");
    }

    /// <summary>Waits until something accepts TCP connections on the loopback port.</summary>
    public static async Task WaitForListenerAsync(int port, TimeSpan timeout, Func<bool> gaveUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gaveUp);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !gaveUp())
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new TimeoutException($"Nothing listened on 127.0.0.1:{port} within {timeout}.");
    }
}
