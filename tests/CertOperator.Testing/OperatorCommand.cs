namespace CertOperator.Testing;

/// <summary>
/// How tests run the operator executable: `dotnet CertOperator.dll …` from the test output folder, or, when
/// <see cref="BinaryVariable"/> names one, that executable (the Native AOT build from scripts/publish-aot.sh).
/// </summary>
public static class OperatorCommand
{
    public const string BinaryVariable = "CERTOPERATOR_BINARY";

    /// <summary>The CertOperator.dll the test project builds next to itself.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "CertOperator.dll");

    /// <summary>The program to start and its arguments for running the operator (from <paramref name="dll"/>) with <paramref name="args"/>.</summary>
    public static (string FileName, IReadOnlyList<string> Arguments) For(string dll, IEnumerable<string> args)
    {
        if (Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } binary)
        {
            return File.Exists(binary)
                ? (binary, [.. args])
                : throw new FileNotFoundException($"{BinaryVariable} names no file; publish it with scripts/publish-aot.sh", binary);
        }

        return File.Exists(dll)
            ? ("dotnet", [dll, .. args])
            : throw new FileNotFoundException("CertOperator.dll is not next to the tests; reference src/CertOperator from the test project", dll);
    }
}
