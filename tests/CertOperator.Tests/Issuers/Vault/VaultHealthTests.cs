using CertOperator.Issuers.Vault;

namespace CertOperator.Tests.Issuers.Vault;

public sealed class VaultHealthTests
{
    public static TheoryData<string, int, string, string?> Cases => new()
    {
        { "active", 200, "{}", null },
        { "standby", 429, "{}", null },
        { "DR secondary", 472, "{}", null },
        { "performance standby", 473, "{}", null },
        { "not initialized", 501, "{}", "Vault is not initialized" },
        { "sealed", 503, "{}", "Vault is sealed" },
        { "other error with Vault's errors", 500, """{"errors":["internal error"]}""", "error calling Vault /v1/sys/health: Code: 500. Errors: internal error" },
        { "other error without a JSON body", 502, "Bad Gateway", "error calling Vault /v1/sys/health: Code: 502. Errors: Bad Gateway" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Health_codes_read_like_cert_manager(string name, int status, string body, string? problem) =>
        VaultHealth.Problem(status, body).Should().Be(problem, name);

    [Fact]
    public void Vault_errors_are_joined_in_one_line() =>
        VaultErrorText.Describe(400, """{"errors":["invalid role or secret ID","second"]}""").Should().Be("Code: 400. Errors: invalid role or secret ID; second");
}
