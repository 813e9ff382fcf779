using System.Text.Json;
using k8s.Models;

namespace CertOperator.Kubernetes.Model;

/// <summary>Which field managers own a field, read from an object's managedFields (FieldsV1 sets).</summary>
public static class ManagedFieldOwners
{
    /// <summary>
    /// The managers whose field set holds <paramref name="path"/> (FieldsV1 keys, e.g. `f:status`, `f:conditions`,
    /// `k:{"type":"Issuing"}`): they own that field or something inside it.
    /// </summary>
    public static IReadOnlyList<string> Of(IEnumerable<V1ManagedFieldsEntry>? entries, params ReadOnlySpan<string> path)
    {
        List<string> owners = [];
        foreach (var entry in entries ?? [])
        {
            if (entry.FieldsV1 is JsonElement fields && Holds(fields, path) && entry.Manager is { } manager)
            {
                owners.Add(manager);
            }
        }

        return owners;
    }

    /// <summary>The FieldsV1 key of a list-map entry with one key field, as kube-apiserver writes it: `k:{"type":"Ready"}`.</summary>
    public static string ListMapKey(string field, string value) =>
        $"k:{{\"{JsonEncodedText.Encode(field)}\":\"{JsonEncodedText.Encode(value)}\"}}";

    private static bool Holds(JsonElement fields, ReadOnlySpan<string> path)
    {
        foreach (var key in path)
        {
            if (fields.ValueKind != JsonValueKind.Object || !fields.TryGetProperty(key, out fields))
            {
                return false;
            }
        }

        return true;
    }
}
