using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CertOperator.Testing.Bind;

/// <summary>
/// A minimal hand-built SOA query, so the harness can tell when named serves the zone without depending on the
/// DNS code it is used to test.
/// </summary>
internal static class SoaProbe
{
    public static async Task<bool> AnswersAsync(int port, string zone, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(500));
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout.Token).ConfigureAwait(false);
            await socket.SendAsync(Query(zone), SocketFlags.None, timeout.Token).ConfigureAwait(false);
            var buffer = new byte[4096];
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).ConfigureAwait(false);

            // Response bit set, RCODE NOERROR, at least one answer record.
            return received >= 12 && (buffer[2] & 0x80) != 0 && (buffer[3] & 0x0F) == 0 && BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(6)) > 0;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is OperationCanceledException or SocketException)
        {
            return false;
        }
    }

    private static byte[] Query(string zone)
    {
        var bytes = new List<byte> { 0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in zone.TrimEnd('.').Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }

        bytes.AddRange([0, 0, 6, 0, 1]);
        return [.. bytes];
    }
}
