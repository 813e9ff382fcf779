using System.Globalization;
using System.Text.RegularExpressions;

namespace CertOperator.Testing.RealKube;

/// <summary>Reads kube-apiserver's Prometheus text exposition (`GET /metrics`).</summary>
public static partial class ApiServerMetrics
{
    private const string RequestTotal = "apiserver_request_total";

    /// <summary>Adds up every <c>apiserver_request_total</c> series whose labels match <paramref name="filter"/>.</summary>
    public static long SumRequests(string metricsText, ApiRequestFilter filter)
    {
        ArgumentNullException.ThrowIfNull(metricsText);
        ArgumentNullException.ThrowIfNull(filter);
        var sum = 0L;
        foreach (var line in metricsText.Split('\n'))
        {
            if (!line.StartsWith(RequestTotal + "{", StringComparison.Ordinal))
            {
                continue;
            }

            var close = line.LastIndexOf('}');
            var labels = Labels(line[(RequestTotal.Length + 1)..close]);
            if (filter.Matches(labels))
            {
                sum += (long)double.Parse(line[(close + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }

    /// <summary>
    /// Every <c>apiserver_request_total</c> series added up by "VERB resource[/subresource] code", the keys the test API
    /// server's request counter uses too, e.g. "APPLY certificates/status 200".
    /// </summary>
    public static Dictionary<string, long> RequestCounts(string metricsText)
    {
        ArgumentNullException.ThrowIfNull(metricsText);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in metricsText.Split('\n'))
        {
            if (!line.StartsWith(RequestTotal + "{", StringComparison.Ordinal))
            {
                continue;
            }

            var close = line.LastIndexOf('}');
            var labels = Labels(line[(RequestTotal.Length + 1)..close]);
            var resource = labels.GetValueOrDefault("resource", "") + (labels.GetValueOrDefault("subresource") is { Length: > 0 } sub ? "/" + sub : "");
            var key = $"{labels.GetValueOrDefault("verb")} {resource} {labels.GetValueOrDefault("code")}";
            counts[key] = counts.GetValueOrDefault(key) + (long)double.Parse(line[(close + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>Counters that grew between two snapshots, largest first.</summary>
    public static List<(string Key, long Count)> Delta(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. after.Select(kv => (kv.Key, Count: kv.Value - before.GetValueOrDefault(kv.Key))).Where(d => d.Count > 0).OrderByDescending(d => d.Count)];
    }

    private static Dictionary<string, string> Labels(string text) =>
        LabelPattern().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => Regex.Unescape(m.Groups["value"].Value));

    [GeneratedRegex("""(?<name>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(?:[^"\\]|\\.)*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex LabelPattern();
}
