using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Kubernetes.Client;

/// <summary>A patch body and its content type: JSON merge patch (RFC 7386) or JSON patch (RFC 6902).</summary>
public sealed class Patch
{
    private Patch(string contentType, byte[] body)
    {
        ContentType = contentType;
        Body = body;
    }

    public string ContentType { get; }

    internal byte[] Body { get; }

    /// <summary>A JSON merge patch: fields present are set, fields set to null are removed.</summary>
    public static Patch Merge(JsonNode patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        return new Patch("application/merge-patch+json", Encoding.UTF8.GetBytes(patch.ToJsonString()));
    }

    public static Patch Json(params IEnumerable<JsonPatchOperation> operations) =>
        new("application/json-patch+json", JsonSerializer.SerializeToUtf8Bytes(operations.ToList(), KubernetesJsonContext.Default.ListJsonPatchOperation));
}
