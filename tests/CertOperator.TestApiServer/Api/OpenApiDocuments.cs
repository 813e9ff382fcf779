using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Model;

namespace CertOperator.TestApiServer.Api;

/// <summary>
/// OpenAPI v3 per group/version, built from CRD schemas (built-ins get permissive schemas). Patch
/// operations declare the fieldValidation parameter so kubectl validates on the server, and list
/// no strategic-merge content type so kubectl keeps using its compiled-in scheme for built-ins.
/// </summary>
internal static class OpenApiDocuments
{
    private const string ObjectMetaRef = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    public static JsonObject Root(ResourceRegistry registry)
    {
        var paths = new JsonObject();
        foreach (var gv in registry.Types.Select(t => t.GroupVersion).Distinct(StringComparer.Ordinal))
        {
            var prefix = PathPrefix(gv);
            var hash = Hash(ForGroupVersion(registry, gv));
            paths[prefix] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{prefix}?hash={hash}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    public static string PathPrefix(string groupVersion) => groupVersion.Contains('/', StringComparison.Ordinal) ? $"apis/{groupVersion}" : $"api/{groupVersion}";

    public static JsonObject ForGroupVersion(ResourceRegistry registry, string groupVersion)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject { [ObjectMetaRef] = ObjectMeta() };
        foreach (var type in registry.Types.Where(t => t.GroupVersion == groupVersion))
        {
            var schemaName = SchemaName(type);
            schemas[schemaName] = KindSchema(type);
            var collection = $"/{PathPrefix(groupVersion)}/{(type.Namespaced ? "namespaces/{namespace}/" : "")}{type.Plural}";
            paths[collection] = new JsonObject
            {
                ["get"] = Operation(type, "list", schemaName),
                ["post"] = Operation(type, "post", schemaName),
            };
            paths[collection + "/{name}"] = new JsonObject
            {
                ["get"] = Operation(type, "get", schemaName),
                ["put"] = Operation(type, "put", schemaName),
                ["patch"] = Patch(type, schemaName),
                ["delete"] = Operation(type, "delete", schemaName),
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    public static string Hash(JsonObject document) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document.ToJsonString())))[..32];

    private static string SchemaName(ResourceType type)
    {
        var group = type.Group.Length == 0 ? "io.k8s.api.core" : string.Join('.', type.Group.Split('.').Reverse());
        return $"{group}.{type.Version}.{type.Kind}";
    }

    private static JsonObject Gvk(ResourceType type) => new()
    {
        ["group"] = type.Group,
        ["kind"] = type.Kind,
        ["version"] = type.Version,
    };

    private static JsonObject KindSchema(ResourceType type)
    {
        var schema = type.Schema?.DeepClone() as JsonObject ?? new JsonObject
        {
            ["type"] = "object",
            ["x-kubernetes-preserve-unknown-fields"] = true,
        };
        schema["description"] ??= $"{type.Kind} is served by the CertOperator test API server.";
        var properties = schema["properties"] as JsonObject ?? [];
        schema["properties"] = properties;
        properties["apiVersion"] ??= new JsonObject { ["type"] = "string", ["description"] = "APIVersion defines the versioned schema of this representation of an object." };
        properties["kind"] ??= new JsonObject { ["type"] = "string", ["description"] = "Kind is a string value representing the REST resource this object represents." };
        properties["metadata"] = new JsonObject
        {
            ["description"] = "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = $"#/components/schemas/{ObjectMetaRef}" }),
        };
        schema["x-kubernetes-group-version-kind"] = new JsonArray(Gvk(type));
        return schema;
    }

    private static JsonObject Operation(ResourceType type, string action, string schemaName) => new()
    {
        ["operationId"] = $"{action}{type.Kind}",
        ["x-kubernetes-action"] = action,
        ["x-kubernetes-group-version-kind"] = Gvk(type),
        ["responses"] = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = "OK",
                ["content"] = new JsonObject
                {
                    ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{schemaName}" } },
                },
            },
        },
    };

    private static JsonObject Patch(ResourceType type, string schemaName)
    {
        var patch = Operation(type, "patch", schemaName);
        patch["parameters"] = new JsonArray(
            QueryParameter("dryRun"),
            QueryParameter("fieldManager"),
            QueryParameter("fieldValidation"),
            QueryParameter("force"));
        var content = new JsonObject();
        foreach (var mediaType in new[] { "application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json" })
        {
            content[mediaType] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } };
        }

        patch["requestBody"] = new JsonObject { ["content"] = content, ["required"] = true };
        return patch;
    }

    private static JsonObject QueryParameter(string name) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    private static JsonObject ObjectMeta()
    {
        JsonObject Field(string type, string description) => new() { ["type"] = type, ["description"] = description };
        var map = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string", ["default"] = "" }, ["description"] = "Map of string keys and values." };
        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.",
            ["properties"] = new JsonObject
            {
                ["name"] = Field("string", "Name must be unique within a namespace."),
                ["generateName"] = Field("string", "GenerateName is an optional prefix, used by the server, to generate a unique name."),
                ["namespace"] = Field("string", "Namespace defines the space within which each name must be unique."),
                ["uid"] = Field("string", "UID is the unique in time and space value for this object."),
                ["resourceVersion"] = Field("string", "An opaque value that represents the internal version of this object."),
                ["generation"] = new JsonObject { ["type"] = "integer", ["format"] = "int64", ["description"] = "A sequence number representing a specific generation of the desired state." },
                ["creationTimestamp"] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "Server time when this object was created." },
                ["deletionTimestamp"] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "Time at which this resource will be deleted." },
                ["labels"] = map.DeepClone(),
                ["annotations"] = map.DeepClone(),
                ["finalizers"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["default"] = "" }, ["description"] = "Must be empty before the object is deleted from the registry." },
                ["ownerReferences"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true }, ["description"] = "List of objects depended by this object." },
                ["managedFields"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true }, ["description"] = "Field ownership." },
            },
        };
    }
}
