using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Model;
using CertOperator.TestApiServer.Schema;

namespace CertOperator.TestApiServer.Api;

/// <summary>
/// What the server does to an object before it is stored: server-owned metadata, status
/// isolation, per-kind defaults, structural-schema pruning/defaulting/validation and generation.
/// </summary>
internal static partial class Admission
{
    private const string SuffixChars = "bcdfghjklmnpqrstvwxz2456789";
    private static readonly string[] ServerOwnedMetadata = ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "managedFields", "namespace", "name"];

    public static JsonObject PrepareCreate(ServerContext ctx, ResourceType type, string? ns, JsonObject obj, WriteOptions options)
    {
        CheckKind(type, obj);
        var meta = JsonNodes.Metadata(obj);
        if (string.IsNullOrEmpty(JsonNodes.Str(meta, "name")))
        {
            var prefix = JsonNodes.Str(meta, "generateName");
            if (string.IsNullOrEmpty(prefix))
            {
                throw ApiException.InvalidResource(type, "", [new ValidationCause("FieldValueRequired", "Required value: name or generateName is required", "metadata.name")]);
            }

            meta["name"] = prefix + string.Concat(Enumerable.Range(0, 5).Select(_ => SuffixChars[Random.Shared.Next(SuffixChars.Length)]));
        }

        ValidateName(type, JsonNodes.Str(meta, "name") ?? "");
        if (type.Namespaced)
        {
            var bodyNs = JsonNodes.Str(meta, "namespace");
            if (!string.IsNullOrEmpty(bodyNs) && bodyNs != ns)
            {
                throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            meta["namespace"] = ns;
        }
        else
        {
            meta.Remove("namespace");
        }

        foreach (var key in new[] { "resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink" })
        {
            meta.Remove(key);
        }

        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = ctx.Now();
        if (type.TracksGeneration)
        {
            meta["generation"] = 1;
        }

        if (type.HasStatus && type.IsCustom)
        {
            obj.Remove("status");
        }

        BuiltInKindRules.Apply(ctx, type, obj, old: null);
        ApplySchema(type, obj, options);
        return obj;
    }

    public static JsonObject PrepareUpdate(ServerContext ctx, ResourceType type, JsonObject candidate, JsonObject old, string? subresource, WriteOptions options)
    {
        CheckKind(type, candidate);
        JsonObject next;
        if (subresource == "status")
        {
            next = (JsonObject)old.DeepClone();
            SetOrRemove(next, "status", candidate["status"]);
        }
        else
        {
            next = candidate;
            if (type.HasStatus)
            {
                SetOrRemove(next, "status", old["status"]);
            }
        }

        var meta = JsonNodes.Metadata(next);
        var oldMeta = JsonNodes.Metadata(old);
        foreach (var key in ServerOwnedMetadata)
        {
            SetOrRemove(meta, key, oldMeta[key]);
        }

        meta["resourceVersion"] = oldMeta["resourceVersion"]?.DeepClone();
        next["apiVersion"] = old["apiVersion"]?.DeepClone();
        BuiltInKindRules.Apply(ctx, type, next, old);
        ApplySchema(type, next, options);
        if (type.TracksGeneration && !SameContent(old, next))
        {
            meta["generation"] = (oldMeta["generation"] is JsonValue g ? (long)JsonNodes.AsDouble(g) : 0) + 1;
        }

        return next;
    }

    private static void ValidateName(ResourceType type, string name)
    {
        var label = type == BuiltInTypes.Namespaces;
        if (!(label ? KubeNames.IsLabel(name) : KubeNames.IsSubdomain(name)))
        {
            throw ApiException.Invalid(type, name, [ValidationCause.Invalid("metadata.name", JsonValue.Create(name), label ? KubeNames.LabelRule : KubeNames.SubdomainRule)]);
        }
    }

    /// <summary>True when everything but metadata and status is equal (generation does not move).</summary>
    public static bool SameContent(JsonObject a, JsonObject b)
    {
        var keys = a.Select(p => p.Key).Concat(b.Select(p => p.Key)).Where(k => k is not "metadata" and not "status" and not "apiVersion" and not "kind").Distinct(StringComparer.Ordinal);
        return keys.All(k => JsonNode.DeepEquals(a[k], b[k]));
    }

    private static void CheckKind(ResourceType type, JsonObject obj)
    {
        var kind = JsonNodes.Str(obj, "kind");
        if (!string.IsNullOrEmpty(kind) && kind != type.Kind)
        {
            throw ApiException.BadRequest($"the API version in the data ({JsonNodes.Str(obj, "apiVersion")}) does not match the expected API version ({type.GroupVersion}) or kind {kind} is not {type.Kind}");
        }

        obj["apiVersion"] = type.GroupVersion;
        obj["kind"] = type.Kind;
    }

    private static void ApplySchema(ResourceType type, JsonObject obj, WriteOptions options)
    {
        if (type.Schema is null)
        {
            return;
        }

        var causes = new List<ValidationCause>();
        var unknown = SchemaPruner.PruneRoot(obj, type.Schema);
        if (options.FieldValidation == "Strict")
        {
            causes.AddRange(unknown.Select(ValidationCause.UnknownField));
        }
        else if (options.FieldValidation == "Warn")
        {
            options.Warnings.AddRange(unknown.Select(u => $"unknown field \"{u}\""));
        }

        SchemaDefaulter.Apply(obj, type.Schema);
        causes.AddRange(SchemaValidator.ValidateRoot(obj, type.Schema));
        if (causes.Count > 0)
        {
            throw ApiException.Invalid(type, JsonNodes.Name(obj), causes);
        }
    }

    private static void SetOrRemove(JsonObject target, string key, JsonNode? value)
    {
        if (value is null)
        {
            target.Remove(key);
        }
        else
        {
            target[key] = value.DeepClone();
        }
    }
}
