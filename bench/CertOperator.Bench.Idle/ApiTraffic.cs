using System.Globalization;
using System.Text.RegularExpressions;

namespace CertOperator.Bench.Idle;

/// <summary>kube-apiserver's apiserver_request_total counters, keyed "VERB resource[/subresource] code", and their differences.</summary>
internal static partial class ApiTraffic
{
    public static Dictionary<string, long> Parse(string metricsText)
    {
        var counts = new Dictionary<string, long>();
        foreach (var line in metricsText.Split('\n'))
        {
            if (!line.StartsWith("apiserver_request_total{", StringComparison.Ordinal))
            {
                continue;
            }

            var labels = Label().Matches(line).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            var resource = labels.GetValueOrDefault("resource", "") + (labels.GetValueOrDefault("subresource") is { Length: > 0 } sub ? "/" + sub : "");
            var key = $"{labels.GetValueOrDefault("verb")} {resource} {labels.GetValueOrDefault("code")}";
            counts[key] = counts.GetValueOrDefault(key) + long.Parse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>Counters that grew between two snapshots, largest first.</summary>
    public static List<(string Key, long Count)> Delta(Dictionary<string, long> before, Dictionary<string, long> after) =>
        [.. after.Select(kv => (kv.Key, Count: kv.Value - before.GetValueOrDefault(kv.Key))).Where(d => d.Count > 0).OrderByDescending(d => d.Count)];

    [GeneratedRegex("""(\w+)="([^"]*)"[,}]""")]
    private static partial Regex Label();
}
