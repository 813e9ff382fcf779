using CertOperator.Crds.Tests.Support;
using CertOperator.Generation;

namespace CertOperator.Crds.Tests.Generation;

/// <summary>config/crds is generated from the types; a type change without regenerating fails here.</summary>
public sealed class CrdDriftTests
{
    private const string Fix = "run `dotnet run --project src/CertOperator -- generate` and commit config/crds";

    [Fact]
    public void Committed_crds_match_the_generator_output()
    {
        var directory = Path.Combine(RepositoryRoot.Find(), "config", "crds");

        foreach (var (name, yaml) in CrdGenerator.Render())
        {
            var path = Path.Combine(directory, name);
            File.Exists(path).Should().BeTrue($"config/crds/{name} is generated but missing; {Fix}");
            File.ReadAllText(path).Should().Be(yaml, $"config/crds/{name} is out of date; {Fix}");
        }
    }

    [Fact]
    public void Config_crds_holds_only_generated_files()
    {
        var directory = Path.Combine(RepositoryRoot.Find(), "config", "crds");

        Directory.GetFiles(directory).Select(Path.GetFileName).Should()
            .BeEquivalentTo(CrdGenerator.Render().Keys, $"files in config/crds must all come from the generator; {Fix}");
    }

    [Fact]
    public async Task WriteAsync_writes_every_rendered_file()
    {
        var directory = Path.Combine(Path.GetTempPath(), "crds-" + Guid.NewGuid().ToString("N"));
        try
        {
            await CrdGenerator.WriteAsync(directory, CancellationToken.None);

            foreach (var (name, yaml) in CrdGenerator.Render())
            {
                (await File.ReadAllTextAsync(Path.Combine(directory, name))).Should().Be(yaml);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
