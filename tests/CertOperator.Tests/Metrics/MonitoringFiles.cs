using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CertOperator.Testing;
using YamlDotNet.RepresentationModel;

namespace CertOperator.Tests.Metrics;

/// <summary>The PromQL in config/grafana's dashboard and config/prometheus's rules, and the metric names it uses.</summary>
internal static partial class MonitoringFiles
{
    public static string DashboardPath { get; } = RepoPaths.Combine("config", "grafana", "certoperator-dashboard.json");

    public static string RulesPath { get; } = RepoPaths.Combine("config", "prometheus", "prometheusrule.yaml");

    public static IReadOnlyList<string> DashboardExpressions()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(DashboardPath))!;
        var panels = dashboard["panels"]!.AsArray().Select(p => p!);
        var variables = dashboard["templating"]!["list"]!.AsArray().Select(v => v!["query"]?.GetValue<string>() ?? "");
        return [.. panels.SelectMany(p => p["targets"]!.AsArray()).Select(t => t!["expr"]!.GetValue<string>()), .. variables];
    }

    /// <summary>Alert name → expression.</summary>
    public static IReadOnlyDictionary<string, string> AlertRules()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(RulesPath))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        ((YamlScalarNode)root["kind"]).Value.Should().Be("PrometheusRule");
        var groups = (YamlSequenceNode)((YamlMappingNode)root["spec"])["groups"];
        return groups.Cast<YamlMappingNode>()
            .SelectMany(g => ((YamlSequenceNode)g["rules"]).Cast<YamlMappingNode>())
            .ToDictionary(r => ((YamlScalarNode)r["alert"]).Value!, r => ((YamlScalarNode)r["expr"]).Value!);
    }

    public static ISet<string> MetricNames(IEnumerable<string> expressions) =>
        expressions.SelectMany(e => MetricName().Matches(e).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\b(certmanager|process|dotnet)_[a-z0-9_]+\b")]
    private static partial Regex MetricName();
}
