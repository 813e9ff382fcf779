using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CertOperator.Kubernetes.Configuration;

/// <summary>
/// The HTTP handler for a KubernetesClient configuration: its CA, client certificate and insecure-skip-tls-verify
/// (tls-server-name is the request's Host header, see ApiTransport). Built here rather than taken from a <c>k8s.Kubernetes</c> instance, because creating one
/// loads its whole generated API surface (+13.7 MiB working set, measured) for a handler of a few lines.
/// </summary>
internal static class ApiServerHandler
{
    public static SocketsHttpHandler Create(KubernetesClientConfiguration config)
    {
        var settings = config.Settings;

        // A dead API server must not hang a request on connect; renewed connections let a load-balanced API server's
        // replicas share the load again after one restarts. Requests go over HTTP/2 where the server offers it (see
        // ApiTransport), so watches and requests share one connection, as client-go's do; a second opens only when
        // the server's stream limit is reached. client-go's HTTP/2 health check: a ping after 30 s without a frame,
        // the connection dropped when 15 s pass without its answer, so a dead one cannot stall every watch at once.
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(15),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        };
        if (ClientCertificate(settings) is { } certificate)
        {
            handler.SslOptions.ClientCertificates = [certificate];
        }

        if (settings.SkipTlsVerify)
        {
#pragma warning disable CA5359 // the kubeconfig says insecure-skip-tls-verify: true, so the user asked for exactly this.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (config.CaCertificates is { Count: > 0 } roots)
        {
            handler.SslOptions.CertificateChainPolicy = ServerCertificateValidation.TrustingOnly(roots);
        }

        settings.FirstMessageHandlerSetup?.Invoke(handler);
        return handler;
    }

    /// <summary>KubernetesClient's precedence: a file path wins over inline data; an exec plugin's certificate arrives as data.</summary>
    private static X509Certificate2? ClientCertificate(k8s.KubernetesClientConfiguration settings)
    {
        var certificate = Pem(settings.ClientCertificateFilePath, settings.ClientCertificateData);
        var key = Pem(settings.ClientKeyFilePath, settings.ClientCertificateKeyData);
        if (certificate is null || key is null)
        {
            return null;
        }

        try
        {
            return X509Certificate2.CreateFromPem(certificate, key);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new KubernetesConfigurationException($"client certificate or key is not valid PEM ({e.GetType().Name})", e);
        }
    }

    private static string? Pem(string? file, string? base64Data) =>
        !string.IsNullOrWhiteSpace(file) ? File.ReadAllText(file)
        : !string.IsNullOrWhiteSpace(base64Data) ? Encoding.UTF8.GetString(Convert.FromBase64String(base64Data))
        : null;
}
