namespace CertOperator.Testing.RealKube;

/// <summary>
/// Unpacks kube-apiserver and kube-controller-manager once per machine into a shared folder, so
/// every control plane (and every test run) reuses the 38 MB tarball's contents.
/// </summary>
public static class KubeBinaries
{
    public const string Tarball = "kube-1.24-linux-amd64.tgz";

    public static readonly string SharedFolder = Path.Combine(Path.GetTempPath(), "certoperator-kube-bin");

    private static readonly string[] Binaries = ["kube-apiserver", "kube-controller-manager"];

    /// <summary>The folder to pass to start.sh as KAPI, unpacked if needed under a machine-wide lock.</summary>
    public static async Task<string> EnsureUnpackedAsync(string controlPlaneFolder, CancellationToken cancellationToken)
    {
        if (IsComplete(SharedFolder))
        {
            return SharedFolder;
        }

        await using var machineLock = await AcquireLockAsync(SharedFolder + ".lock", cancellationToken).ConfigureAwait(false);
        if (IsComplete(SharedFolder))
        {
            return SharedFolder;
        }

        // Unpack beside the target and rename, so nobody ever sees half a binary.
        var staging = $"{SharedFolder}.{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            var tar = await ExternalCommand.RunAsync(
                "tar", ["xzf", Path.Combine(controlPlaneFolder, Tarball), "-C", staging, "--strip-components=1"], ct: cancellationToken).ConfigureAwait(false);
            tar.EnsureSuccess();
            if (!IsComplete(staging))
            {
                throw new InvalidOperationException($"{Tarball} in {controlPlaneFolder} holds no {string.Join(" and ", Binaries)}.");
            }

            if (Directory.Exists(SharedFolder))
            {
                Directory.Delete(SharedFolder, recursive: true);
            }

            Directory.Move(staging, SharedFolder);
            return SharedFolder;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static bool IsComplete(string folder) => Binaries.All(b => File.Exists(Path.Combine(folder, b)));

    /// <summary>An exclusive open of the lock file: .NET takes an flock on Unix, so other test processes wait here.</summary>
    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
