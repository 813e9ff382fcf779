namespace CertOperator.Testing;

/// <summary>Locates the checkout under test (the directory holding CertOperator.sln).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CertOperator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CertOperator.sln above {AppContext.BaseDirectory}");
    }
}
