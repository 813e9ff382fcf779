using System.Text.Json.Serialization;
using CertOperator.Kubernetes.Serialization;

namespace CertOperator.Kubernetes.Model;

/// <summary>intstr.IntOrString: a number (8080) or a name ("http") on the wire.</summary>
[JsonConverter(typeof(IntOrStringConverter))]
public readonly record struct IntOrString
{
    public IntOrString(int value) => Number = value;

    public IntOrString(string value) => Name = value;

    public int? Number { get; }

    public string? Name { get; }

    public override string ToString() => Name ?? Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
