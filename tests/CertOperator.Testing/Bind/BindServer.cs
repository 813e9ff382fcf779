using CertOperator.Testing.Processes;

namespace CertOperator.Testing.Bind;

/// <summary>
/// Debian's named (bind9) in the foreground on a free loopback port (UDP and TCP), primary for one zone that TSIG
/// keys may update. Start returns once named answers an SOA query; dispose kills it and deletes its files.
/// </summary>
public sealed class BindServer : IAsyncDisposable
{
    private const string NamedPath = "/usr/sbin/named";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly ManagedProcess _process;
    private readonly string _directory;

    private BindServer(ManagedProcess process, string directory, int port, string zone, IReadOnlyList<BindKey> keys)
    {
        _process = process;
        _directory = directory;
        Port = port;
        Zone = zone;
        Keys = keys;
    }

    public string Address { get; } = "127.0.0.1";

    public int Port { get; }

    /// <summary>"127.0.0.1:port", the form of cert-manager's nameserver fields.</summary>
    public string Nameserver => $"{Address}:{Port}";

    /// <summary>The zone, without the trailing dot.</summary>
    public string Zone { get; }

    public IReadOnlyList<BindKey> Keys { get; }

    /// <summary>The key named "acme-key".</summary>
    public BindKey Key => Keys[0];

    public string Output => _process.Output;

    public static async Task<BindServer> StartAsync(BindOptions? options, CancellationToken cancellationToken)
    {
        options ??= new BindOptions();
        await EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        var directory = Directory.CreateTempSubdirectory("bind-").FullName;
        var port = FreePort.Next();
        var keys = BindConfig.CreateKeys(options);
        var conf = BindConfig.Write(directory, port, options, keys);

        // -g: foreground, log to stderr; -n 1: one worker thread, the test machine is shared.
        var process = ManagedProcess.Start(NamedPath, ["-g", "-n", "1", "-c", conf], workingDirectory: directory);
        var server = new BindServer(process, directory, port, options.Zone, keys);
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

    /// <summary>Runs <c>dig @127.0.0.1 -p PORT TYPE NAME +short</c> (bind9-dnsutils) and returns its lines.</summary>
    public async Task<IReadOnlyList<string>> DigAsync(string name, string type, CancellationToken cancellationToken)
    {
        var dig = await DebianPackage.RequireBinaryAsync("dig", "bind9-dnsutils", cancellationToken).ConfigureAwait(false);
        var result = await ExternalCommand.RunAsync(dig, [$"@{Address}", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), type, name, "+short"], timeout: TimeSpan.FromSeconds(20), ct: cancellationToken).ConfigureAwait(false);
        // dig reports a timed-out try it then retried (";; communications error …") among the answers.
        return [.. result.EnsureSuccess().StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith(";;", StringComparison.Ordinal))];
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp directory is cleaned by the OS eventually.
        }
    }

    private static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(NamedPath))
        {
            var install = await ExternalCommand.RunAsync("apt-get", ["install", "-y", "bind9", "bind9-utils"], timeout: TimeSpan.FromMinutes(5), ct: cancellationToken).ConfigureAwait(false);
            if (!File.Exists(NamedPath))
            {
                throw new InvalidOperationException($"{NamedPath} is missing and 'apt-get install -y bind9' did not provide it. Install it as root: apt-get install -y bind9 bind9-utils\n{install.StdErr}");
            }
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (await SoaProbe.AnswersAsync(Port, Zone, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException(
            $"named did not answer an SOA query for {Zone} on {Nameserver} within {StartTimeout.TotalSeconds}s (exited: {_process.HasExited}).\n{_process.Output}");
    }
}
