using System.Globalization;
using System.Text.Json;
using CertOperator.Issuers.Vault.Wire;

namespace CertOperator.Issuers.Vault;

/// <summary>Turns a Vault error answer into one line: the status code and Vault's own `errors`.</summary>
internal static class VaultErrorText
{
    private const int MaxBody = 300;

    public static string Describe(int status, string body)
    {
        var errors = Errors(body);
        var detail = errors is { Count: > 0 }
            ? string.Join("; ", errors)
            : body.Length == 0 ? "no error details in the answer" : Truncate(body.Trim());
        return string.Create(CultureInfo.InvariantCulture, $"Code: {status}. Errors: {detail}");
    }

    private static IReadOnlyList<string>? Errors(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, VaultJsonContext.Default.VaultErrorResponse)?.Errors;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Truncate(string text) => text.Length <= MaxBody ? text : text[..MaxBody] + "…";
}
