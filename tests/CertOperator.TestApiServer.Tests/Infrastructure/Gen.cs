using System.Text.Json.Nodes;

namespace CertOperator.TestApiServer.Tests.Infrastructure;

/// <summary>Builders for test objects.</summary>
public static class Gen
{
    public static JsonObject Widget(string name, int size = 1, string? color = null, JsonObject? labels = null, JsonArray? owners = null, JsonArray? finalizers = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (labels is not null)
        {
            metadata["labels"] = labels;
        }

        if (owners is not null)
        {
            metadata["ownerReferences"] = owners;
        }

        if (finalizers is not null)
        {
            metadata["finalizers"] = finalizers;
        }

        var spec = new JsonObject { ["size"] = size };
        if (color is not null)
        {
            spec["color"] = color;
        }

        return new JsonObject { ["apiVersion"] = "demo.example.com/v1", ["kind"] = "Widget", ["metadata"] = metadata, ["spec"] = spec };
    }

    public static JsonObject Secret(string name, JsonObject? labels = null, string type = "Opaque", JsonArray? owners = null) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels ?? [], ["ownerReferences"] = owners ?? [] },
        ["type"] = type,
        ["data"] = new JsonObject { ["tls.crt"] = "Y2VydA==", ["tls.key"] = "a2V5" },
    };

    public static JsonArray OwnedBy(JsonObject owner) => new(new JsonObject
    {
        ["apiVersion"] = owner["apiVersion"]!.GetValue<string>(),
        ["kind"] = owner["kind"]!.GetValue<string>(),
        ["name"] = owner["metadata"]!["name"]!.GetValue<string>(),
        ["uid"] = owner["metadata"]!["uid"]!.GetValue<string>(),
    });

    public static string Rv(JsonNode obj) => obj["metadata"]!["resourceVersion"]!.GetValue<string>();
}
