using System.Collections.Immutable;

namespace CertOperator.TestApiServer.Model;

/// <summary>The set of served resource types; built-ins plus whatever CRDs are currently established.</summary>
internal sealed class ResourceRegistry
{
    private readonly Lock _gate = new();
    private ImmutableList<ResourceType> _types = [.. BuiltInTypes.All];

    public IReadOnlyList<ResourceType> Types => _types;

    public ResourceType? Find(string groupVersion, string plural) =>
        _types.FirstOrDefault(t => t.GroupVersion == groupVersion && t.Plural == plural);

    public ResourceType? FindByStorageKey(string storageKey) =>
        _types.FirstOrDefault(t => t.StorageKey == storageKey);

    public IEnumerable<string> GroupVersions(string group) =>
        _types.Where(t => t.Group == group).Select(t => t.Version).Distinct(StringComparer.Ordinal);

    /// <summary>Groups in first-registered order, each with its versions.</summary>
    public IEnumerable<(string Group, IReadOnlyList<string> Versions)> Groups() =>
        _types.Where(t => t.Group.Length > 0)
            .GroupBy(t => t.Group, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(t => t.Version).Distinct(StringComparer.Ordinal).ToList()));

    public void ReplaceCrd(string crdName, IReadOnlyList<ResourceType> types)
    {
        lock (_gate)
        {
            _types = _types.RemoveAll(t => t.CrdName == crdName).AddRange(types);
        }
    }
}
