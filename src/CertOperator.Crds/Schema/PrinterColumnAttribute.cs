namespace CertOperator.Crds.Schema;

/// <summary>
/// A column `kubectl get` prints for the kind (`additionalPrinterColumns`), in declaration order.
/// Priority 0 columns always show; priority 1 only with `-o wide`.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class PrinterColumnAttribute(string name, string type, string jsonPath) : Attribute
{
    public string Name { get; } = name;

    /// <summary>OpenAPI type of the column: string, integer, number, boolean or date.</summary>
    public string Type { get; } = type;

    public string JsonPath { get; } = jsonPath;

    public int Priority { get; set; }

    public string? Description { get; set; }
}
