using System.Globalization;

namespace CertOperator.Validation;

/// <summary>
/// Syntax of a DNS subject alternative name: RFC 1123 labels of letters, digits and '-' (at most 63 characters,
/// not starting or ending with '-'), at most 253 characters in all, and '*' only as the whole leftmost label.
/// X.509 encodes dNSName as an IA5String, so cert-manager (through Go's x509) cannot put a Unicode name into a
/// CSR: an internationalized name must be written in its ASCII "xn--" form, which the message suggests.
/// </summary>
internal static class DnsNameRules
{
    private const int MaxNameLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>What is wrong with <paramref name="name"/> as a DNS name, or null when it is fine.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "must not be empty";
        }

        if (name.Any(char.IsWhiteSpace))
        {
            return $"\"{name}\" contains whitespace; a DNS name has none";
        }

        if (!name.All(char.IsAscii))
        {
            return $"\"{name}\" contains non-ASCII characters, which X.509 cannot encode in a DNS name; {AsciiHint(name)}";
        }

        if (name.Length > MaxNameLength)
        {
            return $"\"{name}\" is {name.Length} characters long; a DNS name has at most {MaxNameLength}";
        }

        var labels = name.Split('.');
        if (labels[0] == "*")
        {
            if (labels.Length == 1)
            {
                return "\"*\" needs a domain after it: write a wildcard as \"*.example.com\"";
            }

            labels = labels[1..];
        }

        return labels.Select(label => LabelProblem(name, label)).FirstOrDefault(p => p is not null);
    }

    private static string? LabelProblem(string name, string label)
    {
        if (label.Length == 0)
        {
            return $"\"{name}\" has an empty label (a leading or trailing dot, or two dots in a row); remove the extra dot";
        }

        if (label.Contains('*', StringComparison.Ordinal))
        {
            return $"\"{name}\": '*' is allowed only as the whole leftmost label, as in \"*.example.com\"";
        }

        if (label.Length > MaxLabelLength)
        {
            return $"\"{name}\": label \"{label}\" is {label.Length} characters long; a DNS label has at most {MaxLabelLength}";
        }

        return label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && label[0] != '-' && label[^1] != '-'
            ? null
            : $"\"{name}\": label \"{label}\" must consist of letters, digits and '-', and start and end with a letter or digit (RFC 1123)";
    }

    private static string AsciiHint(string name)
    {
        try
        {
            var ascii = new IdnMapping().GetAscii(name.TrimStart('*', '.'));
            var prefix = name.StartsWith("*.", StringComparison.Ordinal) ? "*." : "";
            return $"write it in its ASCII (punycode) form \"{prefix}{ascii}\"";
        }
        catch (ArgumentException)
        {
            return "write it in its ASCII (punycode) \"xn--\" form";
        }
    }
}
