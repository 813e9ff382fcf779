using System.Globalization;
using CertOperator.Testing;

namespace CertOperator.Image.Tests;

/// <summary>
/// The operator image as a user gets it: the repository's Dockerfile built by scripts/build-image.sh with podman
/// (local stand-ins for the SDK and runtime-deps base images, since no registry is reachable here). A fresh
/// machine builds the stand-ins first (debootstrap); later builds reuse them and podman's layer cache.
/// </summary>
public static class OperatorImage
{
    public const string Name = "localhost/certoperator:test";

    public static async Task<long> BuildAsync(PodmanService podman, CancellationToken cancellationToken)
    {
        var result = await ExternalCommand.RunAsync(
            RepoPaths.Combine("scripts", "build-image.sh"),
            [],
            workingDirectory: RepoPaths.Root,
            timeout: TimeSpan.FromMinutes(45),
            environment: new Dictionary<string, string> { ["IMAGE"] = Name, ["CONTAINERS_CONF"] = podman.ContainersConf },
            ct: cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/build-image.sh failed (exit {result.ExitCode}):\n{Tail(result.StdOut)}\n{Tail(result.StdErr)}");
        }

        var size = await ExternalCommand.RunAsync(
            "podman", ["image", "inspect", "--format", "{{.Size}}", Name],
            environment: new Dictionary<string, string> { ["CONTAINERS_CONF"] = podman.ContainersConf },
            ct: cancellationToken);
        return long.Parse(size.EnsureSuccess().StdOut.Trim(), CultureInfo.InvariantCulture);
    }

    private static string Tail(string text) => text.Length <= 8000 ? text : text[^8000..];
}
