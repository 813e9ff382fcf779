using CertOperator.TestApiServer;

string? kubeconfig = null;
var port = 0;
string? crds = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--kubeconfig" when i + 1 < args.Length:
            kubeconfig = args[++i];
            break;
        case "--port" when i + 1 < args.Length:
            port = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--crd-dir" when i + 1 < args.Length:
            crds = args[++i];
            break;
        default:
            await Console.Error.WriteLineAsync("usage: CertOperator.TestApiServer --kubeconfig PATH [--port N] [--crd-dir DIR]");
            return 2;
    }
}

if (kubeconfig is null)
{
    await Console.Error.WriteLineAsync("--kubeconfig PATH is required");
    return 2;
}

using var stop = new CancellationTokenSource();
using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { Port = port, CrdDirectory = crds });
server.WriteKubeconfig(kubeconfig);
Console.WriteLine($"test kube-apiserver listening on {server.BaseAddress}; kubeconfig written to {kubeconfig}");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("stopping");
}

return 0;
