using System.Text.Json.Nodes;

namespace CertOperator.TestApiServer.Storage;

/// <summary>One committed change. <see cref="Previous"/> lets selector watches turn label changes into ADDED/DELETED.</summary>
internal sealed record WatchEvent(string Type, long ResourceVersion, string StorageKey, JsonObject Object, JsonObject? Previous);
