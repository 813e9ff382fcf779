using System.Text.Json.Nodes;

namespace CertOperator.TestApiServer.Json;

/// <summary>meta.k8s.io/v1 PartialObjectMetadata views of stored objects.</summary>
internal static class PartialMetadata
{
    public static JsonObject Of(JsonObject obj) => new()
    {
        ["kind"] = "PartialObjectMetadata",
        ["apiVersion"] = "meta.k8s.io/v1",
        ["metadata"] = obj["metadata"]?.DeepClone() ?? new JsonObject(),
    };
}
