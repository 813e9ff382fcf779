using System.Text.RegularExpressions;

namespace CertOperator.Acme.Http;

/// <summary>One RFC 8288 link from a Link header: target and relation type.</summary>
internal sealed partial record LinkHeader(Uri Target, string Relation)
{
    /// <summary>Parses Link header values; relative targets resolve against <paramref name="baseUrl"/>.</summary>
    public static IReadOnlyList<LinkHeader> Parse(IEnumerable<string> values, Uri baseUrl)
    {
        var links = new List<LinkHeader>();
        foreach (var value in values)
        {
            foreach (Match match in LinkPattern().Matches(value))
            {
                var rel = RelPattern().Match(match.Groups["params"].Value);
                if (rel.Success && Uri.TryCreate(baseUrl, match.Groups["target"].Value, out var target))
                {
                    links.Add(new LinkHeader(target, rel.Groups["rel"].Value));
                }
            }
        }

        return links;
    }

    [GeneratedRegex(@"<(?<target>[^>]*)>(?<params>[^<]*)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("""rel\s*=\s*"?(?<rel>[^";,\s]+)"?""", RegexOptions.IgnoreCase)]
    private static partial Regex RelPattern();
}
