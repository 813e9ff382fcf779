namespace CertOperator.Testing.Processes;

/// <summary>Finds a binary shipped by a Debian package, installing the package once if it is missing.</summary>
public static class DebianPackage
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static async Task<string> RequireBinaryAsync(string binary, string package, CancellationToken cancellationToken)
    {
        var path = Path.Combine("/usr/bin", binary);
        if (File.Exists(path))
        {
            return path;
        }

        await InstallGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!File.Exists(path))
            {
                await using var apt = ManagedProcess.Start("apt-get", ["install", "-y", package], new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" });
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromMinutes(5));
                await apt.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                if (!File.Exists(path))
                {
                    throw new InvalidOperationException(
                        $"{path} is missing and 'apt-get install -y {package}' did not provide it (exit {apt.ExitCode}). Install it as root: apt-get update && apt-get install -y {package}\n{apt.Output}");
                }
            }

            return path;
        }
        finally
        {
            InstallGate.Release();
        }
    }
}
