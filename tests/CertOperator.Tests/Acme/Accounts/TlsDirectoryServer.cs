using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CertOperator.Tests.Acme.Accounts;

/// <summary>
/// An HTTPS server on loopback that answers every request with an ACME directory, presenting a leaf
/// certificate (with its CA in the chain) of the test's choosing: enough for a client to get past TLS or not.
/// </summary>
internal sealed class TlsDirectoryServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly SslStreamCertificateContext _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public TlsDirectoryServer(X509Certificate2 leafWithKey, X509Certificate2 ca)
    {
        _certificate = SslStreamCertificateContext.Create(leafWithKey, [ca], offline: true);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri DirectoryUrl => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/dir");

    /// <summary>A self-signed CA for <paramref name="name"/>.</summary>
    public static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    /// <summary>A server certificate for <paramref name="dnsName"/> (and 127.0.0.1 when <paramref name="withLoopbackIp"/>) signed by <paramref name="ca"/>.</summary>
    public static X509Certificate2 CreateLeaf(X509Certificate2 ca, string dnsName, bool withLoopbackIp)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(dnsName);
        if (withLoopbackIp)
        {
            san.AddIpAddress(IPAddress.Loopback);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(12));
        return signed.CopyWithPrivateKey(key);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var tls = new SslStream(client.GetStream());
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificateContext = _certificate }, _stop.Token);
            await ReadHeadersAsync(tls);
            var origin = DirectoryUrl.GetLeftPart(UriPartial.Authority);
            var body = Encoding.ASCII.GetBytes($$"""{"newNonce":"{{origin}}/nonce","newAccount":"{{origin}}/new-acct","newOrder":"{{origin}}/new-order"}""");
            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
            await tls.WriteAsync(head, _stop.Token);
            await tls.WriteAsync(body, _stop.Token);
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
        {
            // The client refused our certificate: that is what these tests provoke.
        }
    }

    private async Task ReadHeadersAsync(Stream stream)
    {
        var seen = new StringBuilder();
        var buffer = new byte[1024];
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
