using CertOperator.Kubernetes.Client;

namespace CertOperator.CaInjector;

/// <summary>
/// One caBundle of an injectable: its current value and the JSON patch operations that set it, guarded by
/// `test` operations so a patch computed from a stale cache fails instead of writing into the wrong webhook.
/// </summary>
internal sealed record CaBundleField(byte[]? Current, Func<byte[], IEnumerable<JsonPatchOperation>> Write);
