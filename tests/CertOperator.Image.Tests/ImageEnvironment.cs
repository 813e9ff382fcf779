using CertOperator.Testing.RealKube;
using DotNet.Testcontainers.Configurations;

namespace CertOperator.Image.Tests;

/// <summary>podman's API, the image built from the Dockerfile, and kube-apiserver 1.24 with config/crds and config/rbac.</summary>
public sealed class ImageEnvironment : IAsyncLifetime
{
    public PodmanService Podman { get; private set; } = null!;

    public RealKubeApiServer Kube { get; private set; } = null!;

    public long ImageSize { get; private set; }

    public async Task InitializeAsync()
    {
        // Testcontainers' resource reaper is an image pulled from a registry, which is out of reach here:
        // the tests dispose their containers themselves.
        TestcontainersSettings.ResourceReaperEnabled = false;
        Podman = await PodmanService.StartAsync(CancellationToken.None);
        ImageSize = await OperatorImage.BuildAsync(Podman, CancellationToken.None);
        Kube = await RealKubeApiServer.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Kube is not null)
        {
            await Kube.DisposeAsync();
        }

        if (Podman is not null)
        {
            await Podman.DisposeAsync();
        }
    }
}
