using System.Text.Json.Nodes;

namespace CertOperator.Tests.EndToEnd.Hostile;

/// <summary>One read of every object the corpus makes outcomes about, to check them all without a request per outcome.</summary>
internal sealed class ClusterState
{
    private readonly Dictionary<(string Resource, string Namespace, string Name), JsonNode> _objects = [];
    private readonly List<JsonNode> _events = [];

    public static async Task<ClusterState> ReadAsync(OperatorEnvironment env)
    {
        var state = new ClusterState();
        foreach (var resource in new[] { "certificates", "certificaterequests", "issuers" })
        {
            state.Add(resource[..^1], await env.KubectlAsync("get", resource, "-n", Corpus.Namespace, "-o", "json"));
        }

        state.Add("clusterissuer", await env.KubectlAsync("get", "clusterissuers", "-o", "json"));
        var events = JsonNode.Parse(await env.KubectlAsync("get", "events", "-A", "-o", "json"))!;
        state._events.AddRange(events["items"]!.AsArray().Select(e => e!));
        return state;
    }

    public bool Satisfies(Outcome outcome) => outcome switch
    {
        HasCondition c => Condition(c) is { } found
            && found["status"]?.GetValue<string>() == c.Status
            && found["reason"]?.GetValue<string>() == c.Reason
            && (found["message"]?.GetValue<string>() ?? "").Contains(c.Fragment, StringComparison.Ordinal),
        HasWarningEvent e => Events(e).Any(ev => (ev["message"]?.GetValue<string>() ?? "").Contains(e.Fragment, StringComparison.Ordinal)),
        _ => false,
    };

    /// <summary>What was there instead, for the failure message.</summary>
    public string Describe(Outcome outcome) => outcome switch
    {
        HasCondition c => Condition(c) is { } found ? found.ToJsonString() : $"no {c.Type} condition ({(Find(c.Resource, c.Namespace, c.Name) is null ? "object missing" : "object present")})",
        HasWarningEvent e => Events(e).Any()
            ? string.Join(" | ", Events(e).Select(ev => ev["message"]?.GetValue<string>()))
            : "no Warning event with that reason; events: " + string.Join(" | ", AllEventsOf(e).Select(ev => $"{ev["reason"]}: {ev["message"]}")),
        _ => "?",
    };

    private void Add(string resource, string json)
    {
        foreach (var item in JsonNode.Parse(json)!["items"]!.AsArray())
        {
            var meta = item!["metadata"]!;
            _objects[(resource, meta["namespace"]?.GetValue<string>() ?? "", meta["name"]!.GetValue<string>())] = item;
        }
    }

    private JsonNode? Find(string resource, string ns, string name) => _objects.GetValueOrDefault((resource, ns, name));

    private JsonNode? Condition(HasCondition c) =>
        Find(c.Resource, c.Namespace, c.Name)?["status"]?["conditions"]?.AsArray().FirstOrDefault(x => x?["type"]?.GetValue<string>() == c.Type);

    private IEnumerable<JsonNode> AllEventsOf(HasWarningEvent e) => _events.Where(ev =>
        ev["involvedObject"]?["kind"]?.GetValue<string>() == e.Kind
        && ev["involvedObject"]?["name"]?.GetValue<string>() == e.Name
        && (ev["metadata"]?["namespace"]?.GetValue<string>() ?? "") == e.Namespace);

    private IEnumerable<JsonNode> Events(HasWarningEvent e) =>
        AllEventsOf(e).Where(ev => ev["type"]?.GetValue<string>() == "Warning" && ev["reason"]?.GetValue<string>() == e.Reason);
}
