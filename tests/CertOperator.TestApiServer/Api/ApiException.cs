using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Model;
using CertOperator.TestApiServer.Schema;

namespace CertOperator.TestApiServer.Api;

/// <summary>A failed API call, carried to the HTTP layer and written as a <c>Status</c> object.</summary>
internal sealed class ApiException(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public JsonObject? Details { get; } = details;

    public TimeSpan? RetryAfter { get; init; }

    public JsonObject ToStatus() => StatusObjects.Failure(Code, Reason, Message, Details?.DeepClone());

    public static ApiException NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.QualifiedResource} \"{name}\" not found", DetailsFor(type, name));

    public static ApiException NamespaceNotFound(string ns) =>
        new(404, "NotFound", $"namespaces \"{ns}\" not found", new JsonObject { ["name"] = ns, ["kind"] = "namespaces" });

    public static ApiException AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.QualifiedResource} \"{name}\" already exists", DetailsFor(type, name));

    public static ApiException Conflict(ResourceType type, string name, string why = "the object has been modified; please apply your changes to the latest version and try again") =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {type.QualifiedResource} \"{name}\": {why}", DetailsFor(type, name));

    public static ApiException Invalid(ResourceType type, string name, IReadOnlyList<ValidationCause> causes)
    {
        var details = DetailsFor(type, name);
        details["kind"] = type.Kind;
        details["causes"] = Causes(causes);
        return new(422, "Invalid", ValidationCause.Summary(type.QualifiedKind, name, causes), details);
    }

    /// <summary>Invalid raised by the generic registry (not the schema), which names the resource, not the kind.</summary>
    public static ApiException InvalidResource(ResourceType type, string name, IReadOnlyList<ValidationCause> causes)
    {
        var details = DetailsFor(type, name);
        details["causes"] = Causes(causes);
        return new(422, "Invalid", ValidationCause.Summary(type.QualifiedResource, name, causes), details);
    }

    public static ApiException PatchRejected() =>
        new(422, "Invalid", "the server rejected our request due to an error in our request", []);

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException Forbidden(string message, JsonObject? details = null) => new(403, "Forbidden", message, details);

    public static ApiException MethodNotAllowed() =>
        new(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");

    public static ApiException UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml (got {contentType})");

    public static JsonObject DetailsFor(ResourceType type, string name)
    {
        var details = new JsonObject { ["name"] = name };
        if (type.Group.Length > 0)
        {
            details["group"] = type.Group;
        }

        details["kind"] = type.Plural;
        return details;
    }

    private static JsonArray Causes(IEnumerable<ValidationCause> causes) =>
        new(causes.Select(c => (JsonNode)new JsonObject { ["reason"] = c.Reason, ["message"] = c.Message, ["field"] = c.Field }).ToArray());
}
