using System.ComponentModel;
using System.Text.Json;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Tests.Generation;

/// <summary>Types exercising schema attributes the cert-manager kinds happen not to use.</summary>
[Description("A fixture kind.")]
public sealed class ConstrainedFixture
{
    [Required]
    [Pattern("^[a-z0-9-]+$")]
    [MaxLength(63)]
    [Description("A DNS label.")]
    public string Label { get; set; } = "";

    [MaxItems(3)]
    [EnumValues(typeof(FixtureColours))]
    [Description("Up to three colours.")]
    public List<string>? Colours { get; set; }

    [SchemaDefault(5)]
    [Minimum(0)]
    [Maximum(10)]
    [Description("A bounded count.")]
    public long? Count { get; set; }

    [Description("Extra values per key.")]
    public Dictionary<string, List<int>>? Extra { get; set; }

    [PreserveUnknownFields]
    [Description("Any JSON value.")]
    public JsonElement? Free { get; set; }

    public FixturePart? Part { get; set; }
}

[Description("A nested part, described by its type.")]
public sealed class FixturePart
{
    public bool? Enabled { get; set; }
}

public static class FixtureColours
{
    public const string Red = "red";
    public const string Green = "green";
}

[Description("A fixture with a field no schema type maps to.")]
public sealed class UnmappableFixture
{
    [Description("A GUID.")]
    public Guid Id { get; set; }
}

public sealed class UndescribedFixture
{
    public string? Name { get; set; }
}
