using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace CertOperator.Dns.Transport;

/// <summary>
/// Sends one request and returns the raw answer: UDP (retrying on timeout, switching to TCP when the answer is
/// truncated) or TCP with the 2-byte length prefix of RFC 7766 §8. Each attempt is bounded by the timeout.
/// </summary>
internal sealed class DnsTransport(TimeProvider timeProvider, TimeSpan timeout, int attempts)
{
    private const int MaxUdpAnswer = 65535;
    private const int TruncatedFlag = 0x0200;

    public async Task<byte[]> ExchangeAsync(byte[] request, NameserverAddress server, DnsProtocol protocol, CancellationToken cancellationToken)
    {
        var endpoint = await ResolveAsync(server, cancellationToken).ConfigureAwait(false);
        Exception? last = null;
        for (var attempt = 0; attempt < Math.Max(1, attempts); attempt++)
        {
            using var attemptTimeout = new CancellationTokenSource(timeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
            try
            {
                if (protocol == DnsProtocol.Udp)
                {
                    var answer = await UdpAsync(request, endpoint, linked.Token).ConfigureAwait(false);
                    if ((BinaryPrimitives.ReadUInt16BigEndian(answer.AsSpan(2)) & TruncatedFlag) == 0)
                    {
                        return answer;
                    }
                }

                return await TcpAsync(request, endpoint, linked.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is OperationCanceledException or SocketException or IOException)
            {
                last = e;
            }
        }

        throw new DnsException(
            DnsFailure.Unreachable,
            server.ToString(),
            $"No answer from nameserver {server} over {protocol.ToString().ToUpperInvariant()} after {Math.Max(1, attempts)} attempts of {timeout.TotalSeconds:0.#}s: check the nameserver address and that it is reachable.",
            innerException: last);
    }

    private static async Task<IPEndPoint> ResolveAsync(NameserverAddress server, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(server.Host, out var address))
        {
            return new IPEndPoint(address, server.Port);
        }

        try
        {
            var addresses = await System.Net.Dns.GetHostAddressesAsync(server.Host, cancellationToken).ConfigureAwait(false);
            return new IPEndPoint(addresses[0], server.Port);
        }
        catch (Exception e) when (e is SocketException or IndexOutOfRangeException)
        {
            throw new DnsException(DnsFailure.Unreachable, server.ToString(), $"The nameserver host '{server.Host}' does not resolve: check the nameserver address.", innerException: e);
        }
    }

    private static async Task<byte[]> UdpAsync(byte[] request, IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
        await socket.SendAsync(request, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxUdpAnswer];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);

            // Datagrams with another ID are stale answers to earlier attempts; keep waiting for ours.
            if (received >= 12 && buffer[0] == request[0] && buffer[1] == request[1])
            {
                return buffer[..received];
            }
        }
    }

    private static async Task<byte[]> TcpAsync(byte[] request, IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var framed = new byte[request.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)request.Length);
        request.CopyTo(framed, 2);
        await stream.WriteAsync(framed, cancellationToken).ConfigureAwait(false);
        var prefix = new byte[2];
        await stream.ReadExactlyAsync(prefix, cancellationToken).ConfigureAwait(false);
        var answer = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
        await stream.ReadExactlyAsync(answer, cancellationToken).ConfigureAwait(false);
        return answer.Length >= 12 ? answer : throw new IOException("The TCP answer is shorter than a DNS header.");
    }
}
