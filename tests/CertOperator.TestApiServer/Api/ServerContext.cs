using CertOperator.TestApiServer.Model;
using CertOperator.TestApiServer.Storage;

namespace CertOperator.TestApiServer.Api;

/// <summary>The shared state every handler works on; replaced as a whole by a restart without storage.</summary>
internal sealed class ServerContext(ObjectStore store, ResourceRegistry registry, TimeProvider clock)
{
    public ObjectStore Store { get; } = store;

    public ResourceRegistry Registry { get; } = registry;

    public TimeProvider Clock { get; } = clock;

    public string Now() => Json.JsonNodes.Rfc3339(Clock.GetUtcNow());

    /// <summary>Set by the garbage collector so deletions can wake it.</summary>
    public Action WakeCollector { get; set; } = () => { };
}
