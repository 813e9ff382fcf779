namespace CertOperator.Crds.Schema;

/// <summary>
/// An integer schema without `format`, as cert-manager's Go `int` fields are published (its `int32` fields carry
/// `format: int32`), so our CRD says the same as cert-manager's for GitOps diffs.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class UnsizedIntegerAttribute : Attribute;
