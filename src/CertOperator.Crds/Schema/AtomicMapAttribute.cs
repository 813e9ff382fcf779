namespace CertOperator.Crds.Schema;

/// <summary>
/// An object replaced as a whole by server-side apply (`x-kubernetes-map-type: atomic`), as core/v1's
/// LocalObjectReference is.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AtomicMapAttribute : Attribute;
