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

    private static Dictionary<string, string> Labels(string text) =>
        LabelPattern().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => Regex.Unescape(m.Groups["value"].Value));

    [GeneratedRegex("""(?<name>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(?:[^"\\]|\\.)*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex LabelPattern();
}
