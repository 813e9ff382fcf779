using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace CertOperator.Crds.Schema;

/// <summary>
/// The allowed values of a string field (`enum`); on a list, of each item. Values stay strings in
/// C# so an object with a value the API server let through still deserialises and can be reported.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EnumValuesAttribute : Attribute
{
    public EnumValuesAttribute(params string[] values) => Values = values;

    /// <summary>Takes the values from the public string constants of <paramref name="constants"/>, in declaration order.</summary>
    public EnumValuesAttribute([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] Type constants)
    {
        ArgumentNullException.ThrowIfNull(constants);
        Values = [.. constants.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)];
    }

    public IReadOnlyList<string> Values { get; }
}
