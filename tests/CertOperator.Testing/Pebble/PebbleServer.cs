using System.Globalization;
using System.Text.Json.Nodes;
using CertOperator.Testing.Processes;

namespace CertOperator.Testing.Pebble;

/// <summary>
/// Debian's pebble (ACME test CA) on free loopback ports, with a generated TLS certificate and a
/// config written per run. Dispose stops it and deletes its files.
/// </summary>
public sealed class PebbleServer : IAsyncDisposable
{
    private readonly ManagedProcess _process;
    private readonly string _directory;
    private readonly HttpClient _http;

    private PebbleServer(ManagedProcess process, string directory, TestTlsAuthority tls, int acmePort, int managementPort)
    {
        _process = process;
        _directory = directory;
        Tls = tls;
        DirectoryUrl = new Uri($"https://127.0.0.1:{acmePort}/dir");
        ManagementUrl = new Uri($"https://127.0.0.1:{managementPort}/");
        _http = new HttpClient(tls.CreateHandler()) { Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri DirectoryUrl { get; }

    public Uri ManagementUrl { get; }

    /// <summary>The CA that signed pebble's own HTTPS certificate (not the ACME issuing CA).</summary>
    public TestTlsAuthority Tls { get; }

    public string Output => _process.Output;

    public static async Task<PebbleServer> StartAsync(PebbleOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var binary = await DebianPackage.RequireBinaryAsync("pebble", "pebble", cancellationToken).ConfigureAwait(false);
        var directory = Directory.CreateTempSubdirectory("pebble-").FullName;
        var tls = TestTlsAuthority.Create(directory);
        var acmePort = FreePort.Next();
        var managementPort = FreePort.Next();
        var configPath = Path.Combine(directory, "pebble-config.json");
        await File.WriteAllTextAsync(configPath, Config(options, tls, acmePort, managementPort), cancellationToken).ConfigureAwait(false);
        var environment = new Dictionary<string, string>
        {
            ["PEBBLE_VA_NOSLEEP"] = "1",
            ["PEBBLE_WFE_NONCEREJECT"] = options.NonceRejectPercent.ToString(CultureInfo.InvariantCulture),
            ["PEBBLE_AUTHZREUSE"] = options.AuthorizationReusePercent.ToString(CultureInfo.InvariantCulture),
            ["PEBBLE_ALTERNATE_ROOTS"] = options.AlternateRoots.ToString(CultureInfo.InvariantCulture),
        };
        var process = ManagedProcess.Start(binary, ["-config", configPath, "-dnsserver", options.DnsServer, "-strict=false"], environment, directory);
        var server = new PebbleServer(process, directory, tls, acmePort, managementPort);
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Pebble's issuing root <paramref name="index"/> (0 = default hierarchy), PEM.</summary>
    public Task<string> GetRootPemAsync(int index, CancellationToken cancellationToken) =>
        _http.GetStringAsync(new Uri(ManagementUrl, $"roots/{index}"), cancellationToken);

    public Task<string> GetIntermediatePemAsync(int index, CancellationToken cancellationToken) =>
        _http.GetStringAsync(new Uri(ManagementUrl, $"intermediates/{index}"), cancellationToken);

    /// <summary>Pebble's view of a certificate: JSON with "Status" ("Valid"/"Revoked") and "Reason".</summary>
    public async Task<JsonNode> GetCertificateStatusAsync(string serialHex, CancellationToken cancellationToken)
    {
        var json = await _http.GetStringAsync(new Uri(ManagementUrl, $"cert-status-by-serial/{serialHex}"), cancellationToken).ConfigureAwait(false);
        return JsonNode.Parse(json) ?? throw new InvalidOperationException("Pebble returned JSON null for a certificate status.");
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
        Tls.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Config(PebbleOptions options, TestTlsAuthority tls, int acmePort, int managementPort)
    {
        var macKeys = new JsonObject();
        foreach (var (kid, key) in options.ExternalAccountMacKeys)
        {
            macKeys[kid] = key;
        }

        var pebble = new JsonObject
        {
            ["listenAddress"] = $"127.0.0.1:{acmePort}",
            ["managementListenAddress"] = $"127.0.0.1:{managementPort}",
            ["certificate"] = tls.CertificatePemPath,
            ["privateKey"] = tls.PrivateKeyPemPath,
            ["httpPort"] = options.HttpValidationPort,
            ["tlsPort"] = FreePort.Next(),
            ["ocspResponderURL"] = string.Empty,
            ["externalAccountBindingRequired"] = options.ExternalAccountMacKeys.Count > 0,
            ["externalAccountMACKeys"] = macKeys,
        };
        return new JsonObject { ["pebble"] = pebble }.ToJsonString();
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"pebble exited during start-up (exit {_process.ExitCode}):\n{_process.Output}");
            }

            try
            {
                using var response = await _http.GetAsync(DirectoryUrl, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"pebble did not serve {DirectoryUrl} within 20 s:\n{_process.Output}");
    }
}
