using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Generation;

namespace CertOperator.Crds.Tests.Generation;

public sealed class CrdSchemaBuilderTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        options.MakeReadOnly();
        return options;
    }

    private static JsonNode Build<T>() =>
        JsonNode.Parse(JsonSerializer.Serialize(new CrdSchemaBuilder(Options).ForKind(typeof(T)), Options))!;

    [Fact]
    public void Attributes_become_openapi_constraints()
    {
        var schema = Build<ConstrainedFixture>();
        var properties = schema["properties"]!;

        schema["required"]!.AsArray().Select(r => (string)r!).Should().Equal("label");
        ((string?)properties["label"]!["pattern"]).Should().Be("^[a-z0-9-]+$");
        ((int?)properties["label"]!["maxLength"]).Should().Be(63);
        ((int?)properties["colours"]!["maxItems"]).Should().Be(3);
        properties["colours"]!["items"]!["enum"]!.AsArray().Select(v => (string)v!).Should().Equal("red", "green");
        ((int?)properties["count"]!["default"]).Should().Be(5);
        ((long?)properties["count"]!["minimum"]).Should().Be(0);
        ((long?)properties["count"]!["maximum"]).Should().Be(10);
        ((string?)properties["count"]!["format"]).Should().Be("int64");
    }

    [Fact]
    public void Maps_lists_and_free_form_objects_are_structural()
    {
        var properties = Build<ConstrainedFixture>()["properties"]!;

        var extra = properties["extra"]!;
        ((string?)extra["type"]).Should().Be("object");
        ((string?)extra["additionalProperties"]!["type"]).Should().Be("array");
        ((string?)extra["additionalProperties"]!["items"]!["format"]).Should().Be("int32");
        properties["free"]!["type"].Should().BeNull("any JSON value is kept");
        ((bool?)properties["free"]!["x-kubernetes-preserve-unknown-fields"]).Should().BeTrue();
    }

    [Fact]
    public void A_property_without_a_description_takes_its_types_description()
    {
        var part = Build<ConstrainedFixture>()["properties"]!["part"]!;

        ((string?)part["description"]).Should().Be("A nested part, described by its type.");
        ((string?)part["properties"]!["enabled"]!["type"]).Should().Be("boolean");
    }

    [Fact]
    public void A_type_without_a_schema_mapping_is_rejected_with_the_field_name()
    {
        var act = () => Build<UnmappableFixture>();

        act.Should().Throw<NotSupportedException>().WithMessage("UnmappableFixture.Id*Guid*");
    }

    [Fact]
    public void A_kind_without_a_description_is_rejected()
    {
        var act = () => Build<UndescribedFixture>();

        act.Should().Throw<InvalidOperationException>().WithMessage("UndescribedFixture needs a [Description]*");
    }
}
