using System.CommandLine;
using CertOperator.Generation;

namespace CertOperator.Cli;

/// <summary>`generate`: writes the CRDs and RBAC manifests derived from the code into config/.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var rootOption = new Option<DirectoryInfo?>("--repo-root")
        {
            Description = "Repository root to write config/ into (default: the directory holding CertOperator.sln above the current one)",
        };
        var command = new Command("generate", "Write config/crds and config/rbac from the API types and declared permissions") { rootOption };
        command.SetAction(async (parse, ct) =>
        {
            var root = parse.GetValue(rootOption)?.FullName ?? RepositoryRoot.Find(Environment.CurrentDirectory);
            if (root is null)
            {
                await Console.Error.WriteLineAsync("generate: no CertOperator.sln found above the current directory; pass --repo-root.");
                return 2;
            }

            await CrdGenerator.WriteAsync(Path.Combine(root, "config", "crds"), ct);
            await RbacGenerator.WriteAsync(Path.Combine(root, "config", "rbac"), ct);
            Console.WriteLine($"wrote {Path.Combine(root, "config")}");
            return 0;
        });
        return command;
    }
}
