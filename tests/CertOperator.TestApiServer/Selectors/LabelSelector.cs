namespace CertOperator.TestApiServer.Selectors;

/// <summary>Kubernetes label selector syntax: =, ==, !=, in (...), notin (...), key, !key.</summary>
internal sealed class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements;

    private LabelSelector(List<Func<IReadOnlyDictionary<string, string>, bool>> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r(labels));

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        return new LabelSelector(SplitTopLevel(text).Select(ParseRequirement).ToList());
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string raw)
    {
        var term = raw.Trim();
        var setMatch = term.IndexOf(" in ", StringComparison.Ordinal) is var inAt and > 0 ? (inAt, 4, true)
            : term.IndexOf(" notin ", StringComparison.Ordinal) is var notAt and > 0 ? (notAt, 7, false)
            : (-1, 0, false);
        if (setMatch.Item1 > 0)
        {
            var key = term[..setMatch.Item1].Trim();
            var values = term[(setMatch.Item1 + setMatch.Item2)..].Trim().TrimStart('(').TrimEnd(')')
                .Split(',').Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);
            return setMatch.Item3
                ? labels => labels.TryGetValue(key, out var v) && values.Contains(v)
                : labels => !labels.TryGetValue(key, out var v) || !values.Contains(v);
        }

        if (term.Contains("!=", StringComparison.Ordinal))
        {
            var parts = term.Split("!=", 2);
            var (key, value) = (parts[0].Trim(), parts[1].Trim());
            return labels => !labels.TryGetValue(key, out var v) || v != value;
        }

        if (term.Contains('=', StringComparison.Ordinal))
        {
            var parts = term.Split(term.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            var (key, value) = (parts[0].Trim(), parts[1].Trim());
            return labels => labels.TryGetValue(key, out var v) && v == value;
        }

        if (term.StartsWith('!'))
        {
            var key = term[1..].Trim();
            return labels => !labels.ContainsKey(key);
        }

        return labels => labels.ContainsKey(term);
    }

    /// <summary>Splits on commas that are not inside parentheses.</summary>
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }
}
