using System.Text.Json.Nodes;

namespace CertOperator.TestApiServer.Model;

/// <summary>Everything the server knows about one served resource (one group/version/plural).</summary>
internal sealed record ResourceType(string Group, string Version, string Plural, string Singular, string Kind, bool Namespaced)
{
    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public bool HasStatus { get; init; }

    /// <summary>openAPIV3Schema of a custom resource version; null for built-ins (no validation).</summary>
    public JsonObject? Schema { get; init; }

    /// <summary>True when the schema declares any default, so reads must default objects stored under an older schema.</summary>
    public bool HasDefaults { get; init; }

    public IReadOnlyList<PrinterColumn> Columns { get; init; } = [];

    public bool IsCustom { get; init; }

    /// <summary>Built-in kinds whose spec changes bump metadata.generation.</summary>
    public bool TracksGeneration { get; init; }

    /// <summary>The CustomResourceDefinition name that serves this type, for removal on CRD delete.</summary>
    public string? CrdName { get; init; }

    public string ListKind => Kind + "List";

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Storage is shared across versions of one group/resource.</summary>
    public string StorageKey => $"{Group}/{Plural}";

    /// <summary>"widgets.demo.example.com" as used in Status messages (plain plural for core).</summary>
    public string QualifiedResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>"Widget.demo.example.com" as used in Invalid messages.</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";
}
