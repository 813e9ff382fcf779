using System.Text.RegularExpressions;

namespace CertOperator.Validation;

/// <summary>Kubernetes object-name rules (apimachinery's IsDNS1123Subdomain), with its messages.</summary>
internal static partial class KubernetesNameRules
{
    private const int MaxSubdomainLength = 253;

    private const string SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    /// <summary>What is wrong with <paramref name="name"/> as a Secret or other object name; empty when it is fine.</summary>
    public static IReadOnlyList<string> SubdomainProblems(string name)
    {
        var problems = new List<string>();
        if (name.Length > MaxSubdomainLength)
        {
            problems.Add($"must be no more than {MaxSubdomainLength} characters");
        }

        if (!Subdomain().IsMatch(name))
        {
            problems.Add(SubdomainMessage);
        }

        return problems;
    }

    /// <summary>Adds one error per problem of a name that must be set and be a valid object name.</summary>
    public static void RequireSubdomain(string? name, string field, string what, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new(field, $"must be specified: name the {what}"));
            return;
        }

        errors.AddRange(SubdomainProblems(name).Select(p => new FieldError(field, $"\"{name}\": {p}")));
    }

    /// <summary>Label keys and values as apimachinery's ValidateLabels checks them, one error per bad entry.</summary>
    public static void ValidateLabels(IReadOnlyDictionary<string, string>? labels, string field, List<FieldError> errors)
    {
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            if (!IsQualifiedName(key))
            {
                errors.Add(new(field, $"\"{key}\": a label key must be 63 characters or less of letters, digits, '-', '_' or '.', starting and ending with a letter or digit, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"));
            }

            if (value.Length > 63 || !LabelValue().IsMatch(value))
            {
                errors.Add(new($"{field}.{key}", $"\"{value}\": a label value must be empty or 63 characters or less of letters, digits, '-', '_' or '.', starting and ending with a letter or digit"));
            }
        }
    }

    private static bool IsQualifiedName(string key)
    {
        var slash = key.LastIndexOf('/');
        var name = slash < 0 ? key : key[(slash + 1)..];
        var prefixOk = slash < 0 || (slash > 0 && SubdomainProblems(key[..slash]).Count == 0);
        return prefixOk && name.Length is > 0 and <= 63 && LabelValue().IsMatch(name);
    }

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValue();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();
}
