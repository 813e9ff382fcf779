using CertOperator.Generation;
using CertOperator.Testing;

namespace CertOperator.Tests.Deploy;

public sealed class RbacManifestTests
{
    [Fact]
    public void Committed_rbac_matches_the_generator()
    {
        var rendered = RbacGenerator.Render();
        var dir = RepoPaths.Combine("config", "rbac");

        Directory.GetFiles(dir).Select(Path.GetFileName).Should().BeEquivalentTo(rendered.Keys,
            "config/rbac holds exactly the generated files; run `dotnet run --project src/CertOperator -- generate`");
        foreach (var (name, yaml) in rendered)
        {
            File.ReadAllText(Path.Combine(dir, name)).Should().Be(yaml,
                $"config/rbac/{name} is generated; run `dotnet run --project src/CertOperator -- generate`");
        }
    }
}
