namespace CertOperator.Crds.Schema;

/// <summary>A CEL rule the API server checks on the object (`x-kubernetes-validations`), with the message it returns.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ValidationRuleAttribute(string rule, string message) : Attribute
{
    public string Rule { get; } = rule;

    public string Message { get; } = message;
}
