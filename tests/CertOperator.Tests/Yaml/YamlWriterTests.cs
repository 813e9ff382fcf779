using System.Text.Json.Nodes;
using CertOperator.Yaml;

namespace CertOperator.Tests.Yaml;

public sealed class YamlWriterTests
{
    public static TheoryData<string, JsonNode?, string> Quoted => new()
    {
        { "plain string", "web", "web" },
        { "string that reads as an integer", "384", "\"384\"" },
        { "string that reads as a float", "1.5", "\"1.5\"" },
        { "string that reads as hex", "0x1F", "\"0x1F\"" },
        { "string that reads as a bool", "True", "\"True\"" },
        { "string that reads as null", "null", "\"null\"" },
        { "tilde", "~", "\"~\"" },
        { "empty string", "", "\"\"" },
        { "leading space", " x", "\" x\"" },
        { "YAML 1.1 yes is left plain", "yes", "yes" },
        { "indicator characters", "*.example.com", "'*.example.com'" },
        { "colon and space", "a: b", "'a: b'" },
        { "integer", 384, "384" },
        { "negative long", -7L, "-7" },
        { "float", 1.25, "1.25" },
        { "bool", true, "true" },
        { "null", null, "" },
        { "empty map", new JsonObject(), "{}" },
        { "empty list", new JsonArray(), "[]" },
    };

    [Theory]
    [MemberData(nameof(Quoted))]
    public void Quotes_strings_that_would_read_back_as_another_type(string name, JsonNode? value, string expected)
    {
        var yaml = YamlWriter.Write(new JsonObject { ["v"] = value }, quoteAmbiguousStrings: true);

        yaml.Should().Be($"v: {expected}\n", name);
    }

    [Theory]
    [InlineData("", "''")]
    [InlineData("384", "384")]
    [InlineData("true", "true")]
    public void Without_quoting_only_what_plain_style_cannot_hold_is_quoted(string value, string expected)
    {
        YamlWriter.Write(new JsonObject { ["v"] = value }, quoteAmbiguousStrings: false).Should().Be($"v: {expected}\n");
    }

    [Fact]
    public void Writes_block_style_in_tree_order_with_unindented_lists()
    {
        var document = new JsonObject
        {
            ["kind"] = "Role",
            ["metadata"] = new JsonObject { ["name"] = "r", ["labels"] = new JsonObject { ["app"] = "x" } },
            ["rules"] = new JsonArray(new JsonObject { ["apiGroups"] = new JsonArray(""), ["verbs"] = new JsonArray("get", "list") }),
        };

        YamlWriter.Write(document, quoteAmbiguousStrings: true).Should().Be(
            """
            kind: Role
            metadata:
              name: r
              labels:
                app: x
            rules:
            - apiGroups:
              - ""
              verbs:
              - get
              - list

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Never_folds_long_lines()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 60));

        YamlWriter.Write(new JsonObject { ["v"] = text }, quoteAmbiguousStrings: true).Should().Be($"v: {text}\n");
    }

    [Theory]
    [InlineData("one\ntwo\n")]
    [InlineData("one\ntwo")]
    [InlineData("tab\there")]
    [InlineData("héllo ✓")]
    [InlineData("42")]
    [InlineData("")]
    [InlineData(" padded ")]
    [InlineData("it's \"quoted\"")]
    public void Strings_round_trip_through_the_reader(string text)
    {
        var yaml = YamlWriter.Write(new JsonObject { ["v"] = text }, quoteAmbiguousStrings: true);

        YamlReader.ReadDocuments(yaml).Single()!["v"]!.GetValue<string>().Should().Be(text, yaml);
    }

    [Fact]
    public void A_tree_read_from_yaml_writes_back_as_the_same_tree()
    {
        var source = "a: 1\nb: [x, \"2\", 3.5, true, null]\nc: {d: {}, e: []}\n";
        var tree = YamlReader.ReadDocuments(source).Single();

        var written = YamlWriter.Write(tree, quoteAmbiguousStrings: true);

        JsonNode.DeepEquals(YamlReader.ReadDocuments(written).Single(), tree).Should().BeTrue(written);
    }
}
