namespace CertOperator.TestApiServer.Api;

/// <summary>Query options shared by create, update and patch.</summary>
internal sealed record WriteOptions(string Manager, string FieldValidation, bool Force, bool ManagerGiven, bool DryRun = false)
{
    public List<string> Warnings { get; } = [];
}
