using System.Text.Json.Nodes;

namespace CertOperator.Kubernetes.Client;

/// <summary>One RFC 6902 operation ("add", "remove", "replace", "test", …) on a JSON pointer path.</summary>
public sealed record JsonPatchOperation(string Op, string Path, JsonNode? Value = null);
