using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Model;

namespace CertOperator.TestApiServer.Api;

/// <summary>/version, /api, /apis and APIResourceList bodies (the non-aggregated formats, samples 01–04).</summary>
internal static class DiscoveryDocuments
{
    private static readonly string[] ResourceVerbs = ["delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"];
    private static readonly string[] SubresourceVerbs = ["get", "patch", "update"];

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-certoperator-test",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2026-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(ResourceRegistry registry) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(registry.Groups().Select(g => (JsonNode)Group(g.Group, g.Versions)).ToArray()),
    };

    public static JsonObject Group(string group, IReadOnlyList<string> versions) => new()
    {
        ["kind"] = "APIGroup",
        ["apiVersion"] = "v1",
        ["name"] = group,
        ["versions"] = new JsonArray(versions.Select(v => (JsonNode)GroupVersion(group, v)).ToArray()),
        ["preferredVersion"] = GroupVersion(group, versions[0]),
    };

    public static JsonObject ResourceList(ResourceRegistry registry, string groupVersion)
    {
        var resources = new JsonArray();
        foreach (var type in registry.Types.Where(t => t.GroupVersion == groupVersion))
        {
            var resource = new JsonObject
            {
                ["name"] = type.Plural,
                ["singularName"] = type.Singular,
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = Strings(ResourceVerbs),
            };
            if (type.ShortNames.Count > 0)
            {
                resource["shortNames"] = Strings(type.ShortNames);
            }

            if (type.Categories.Count > 0)
            {
                resource["categories"] = Strings(type.Categories);
            }

            resources.Add(resource);
            if (type.HasStatus)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = type.Plural + "/status",
                    ["singularName"] = "",
                    ["namespaced"] = type.Namespaced,
                    ["kind"] = type.Kind,
                    ["verbs"] = Strings(SubresourceVerbs),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = groupVersion,
            ["resources"] = resources,
        };
    }

    private static JsonObject GroupVersion(string group, string version) => new()
    {
        ["groupVersion"] = $"{group}/{version}",
        ["version"] = version,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());
}
