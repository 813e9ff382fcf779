namespace CertOperator.Crds.Schema;

/// <summary>An ECMA-262 regular expression the string value must match (`pattern`).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatternAttribute(string pattern) : Attribute
{
    public string Pattern { get; } = pattern;
}
