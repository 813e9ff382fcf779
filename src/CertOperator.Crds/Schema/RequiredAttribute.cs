namespace CertOperator.Crds.Schema;

/// <summary>The field must be present: listed under the parent's `required` in the CRD schema.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;
