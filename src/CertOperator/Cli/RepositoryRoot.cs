namespace CertOperator.Cli;

/// <summary>Finds the checkout this binary is being developed in, for developer verbs such as `generate`.</summary>
internal static class RepositoryRoot
{
    public static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CertOperator.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
