namespace CertOperator.Crds.Schema;

/// <summary>
/// Free-form JSON the API server must keep as written (`x-kubernetes-preserve-unknown-fields: true`), any JSON
/// value: a webhook solver's `config`, as cert-manager does.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PreserveUnknownFieldsAttribute : Attribute;
