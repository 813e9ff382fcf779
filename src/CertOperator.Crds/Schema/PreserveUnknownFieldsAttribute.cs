namespace CertOperator.Crds.Schema;

/// <summary>
/// Free-form JSON the API server must keep as written (`x-kubernetes-preserve-unknown-fields: true`):
/// a webhook solver's `config`, as cert-manager does, and core/v1 sub-objects of the solver pod
/// template that this API does not model field by field.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PreserveUnknownFieldsAttribute : Attribute
{
    /// <summary>The value must be a JSON object (`type: object`); otherwise any JSON value is accepted.</summary>
    public bool ObjectOnly { get; set; }
}
