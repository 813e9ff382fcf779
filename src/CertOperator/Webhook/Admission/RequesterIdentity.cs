using System.Text.Json;
using System.Text.Json.Nodes;
using CertOperator.Kubernetes.Client;
using CertOperator.Webhook.Wire;

namespace CertOperator.Webhook.Admission;

/// <summary>
/// Who asked for a CertificateRequest, as cert-manager's identity plugin records it: on CREATE the mutating webhook
/// writes the requester's username, uid, groups and extra into the spec (overwriting whatever the user put there),
/// the validating webhook checks that they are the requester's, and on UPDATE they never change.
/// </summary>
internal static class RequesterIdentity
{
    /// <summary>The JSON patch that makes spec.username/uid/groups/extra those of <paramref name="user"/>.</summary>
    public static IReadOnlyList<JsonPatchOperation> Patch(JsonNode? request, AdmissionUserInfo user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var operations = new List<JsonPatchOperation>();
        if (request?["spec"] is not JsonObject spec)
        {
            operations.Add(new("add", "/spec", new JsonObject()));
            spec = [];
        }

        // RFC 6902 "add" on an existing member replaces it, so one op covers both cases.
        operations.Add(new("add", "/spec/username", JsonValue.Create(user.Username ?? "")));
        operations.Add(new("add", "/spec/uid", JsonValue.Create(user.Uid ?? "")));
        operations.Add(new("add", "/spec/groups", new JsonArray([.. (user.Groups ?? []).Select(g => JsonValue.Create(g))])));
        if (user.Extra is { Count: > 0 } extra)
        {
            var value = new JsonObject();
            foreach (var (key, values) in extra.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                value[key] = new JsonArray([.. values.Select(v => JsonValue.Create(v))]);
            }

            operations.Add(new("add", "/spec/extra", value));
        }
        else if (spec.ContainsKey("extra"))
        {
            operations.Add(new("remove", "/spec/extra"));
        }

        return operations;
    }

    /// <summary>The patch as the bytes an AdmissionResponse carries.</summary>
    public static byte[] Serialize(IReadOnlyList<JsonPatchOperation> operations)
    {
        var array = new JsonArray();
        foreach (var operation in operations)
        {
            var item = new JsonObject { ["op"] = operation.Op, ["path"] = operation.Path };
            if (operation.Value is { } value)
            {
                item["value"] = value.DeepClone();
            }

            array.Add((JsonNode)item); // the JsonNode overload: Add<T> would wrap it as a reflection-serialized value
        }

        return JsonSerializer.SerializeToUtf8Bytes(array, WebhookJsonContext.Default.JsonNode);
    }

    public static IReadOnlyList<AdmissionError> ValidateCreate(JsonNode? request, AdmissionUserInfo user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var spec = request?["spec"];
        var errors = new List<AdmissionError>();
        if (Text(spec, "uid") != (user.Uid ?? ""))
        {
            errors.Add(AdmissionError.Forbidden("spec.uid", "uid identity must be that of the requester"));
        }

        if (Text(spec, "username") != (user.Username ?? ""))
        {
            errors.Add(AdmissionError.Forbidden("spec.username", "username identity must be that of the requester"));
        }

        if (!SameUnsorted(Strings(spec?["groups"]), user.Groups ?? []))
        {
            errors.Add(AdmissionError.Forbidden("spec.groups", "groups identity must be that of the requester"));
        }

        if (!ExtraMatches(spec?["extra"] as JsonObject, user.Extra ?? []))
        {
            errors.Add(AdmissionError.Forbidden("spec.extra", "extra identity must be that of the requester"));
        }

        return errors;
    }

    public static IReadOnlyList<AdmissionError> ValidateUpdate(JsonNode? oldRequest, JsonNode? newRequest)
    {
        var before = oldRequest?["spec"];
        var after = newRequest?["spec"];
        var errors = new List<AdmissionError>();
        if (Text(before, "uid") != Text(after, "uid"))
        {
            errors.Add(AdmissionError.Forbidden("spec.uid", "uid identity cannot be changed once set"));
        }

        if (Text(before, "username") != Text(after, "username"))
        {
            errors.Add(AdmissionError.Forbidden("spec.username", "username identity cannot be changed once set"));
        }

        if (!SameUnsorted(Strings(before?["groups"]), Strings(after?["groups"])))
        {
            errors.Add(AdmissionError.Forbidden("spec.groups", "groups identity cannot be changed once set"));
        }

        if (!JsonNode.DeepEquals(Empty(before?["extra"]), Empty(after?["extra"])))
        {
            errors.Add(AdmissionError.Forbidden("spec.extra", "extra identity cannot be changed once set"));
        }

        return errors;
    }

    private static string Text(JsonNode? spec, string field) =>
        spec?[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : n?.ToJsonString() ?? "").ToList();

    private static bool SameUnsorted(IEnumerable<string> a, IEnumerable<string> b) =>
        a.Order(StringComparer.Ordinal).SequenceEqual(b.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    private static bool ExtraMatches(JsonObject? extra, Dictionary<string, List<string>> requester) =>
        (extra?.Count ?? 0) == requester.Count
        && (extra ?? []).All(p => requester.TryGetValue(p.Key, out var values) && SameUnsorted(Strings(p.Value), values));

    /// <summary>Go decodes a missing map and an empty one alike.</summary>
    private static JsonNode? Empty(JsonNode? node) => node is JsonObject { Count: 0 } ? null : node;
}
