using CertOperator.Kubernetes;

namespace CertOperator.CaInjector;

/// <summary>
/// The CA source an injectable's annotations select: its kind, the annotation that chose it, the object it names
/// (Secret or Certificate), or why the annotation cannot be followed.
/// </summary>
internal sealed record CaSource(CaSourceKind Kind, string? Annotation, ObjectKey? Reference, string? Problem)
{
    public static CaSource None { get; } = new(CaSourceKind.None, null, null, null);
}
