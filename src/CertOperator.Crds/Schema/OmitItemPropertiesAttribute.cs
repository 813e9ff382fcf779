namespace CertOperator.Crds.Schema;

/// <summary>
/// Leaves fields of a shared item type out of this list's schema, where cert-manager's type lacks them (a
/// CertificateRequest condition has no `observedGeneration`), so the server prunes what cert-manager's would.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OmitItemPropertiesAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}
