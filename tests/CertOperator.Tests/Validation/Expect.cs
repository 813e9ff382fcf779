using CertOperator.Validation;

namespace CertOperator.Tests.Validation;

/// <summary>One assertion for every table: valid means no error; invalid means an error on exactly that field whose message says so.</summary>
internal static class Expect
{
    public static void Outcome(IReadOnlyList<FieldError> errors, string name, string? field, string? fragment)
    {
        if (field is null)
        {
            errors.Should().BeEmpty($"\"{name}\" is valid");
            return;
        }

        errors.Should().Contain(e => e.Field == field && e.Message.Contains(fragment ?? "", StringComparison.Ordinal),
            $"\"{name}\" must be reported on {field} with \"{fragment}\"; got: {string.Join(" | ", errors)}");
    }
}
