namespace CertOperator.Crds.Tests.Support;

internal static class RepositoryRoot
{
    /// <summary>The checkout the tests run from: the first directory above the test binaries holding CertOperator.sln.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CertOperator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No CertOperator.sln above {AppContext.BaseDirectory}.");
    }
}
