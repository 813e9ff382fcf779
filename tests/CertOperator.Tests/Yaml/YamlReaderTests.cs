using System.Text.Json;
using System.Text.Json.Nodes;
using CertOperator.Yaml;
using YamlDotNet.Core;

namespace CertOperator.Tests.Yaml;

public sealed class YamlReaderTests
{
    public static TheoryData<string, string, string> Scalars => new()
    {
        { "plain word", "v: web", "\"web\"" },
        { "plain integer", "v: 384", "384" },
        { "negative integer", "v: -7", "-7" },
        { "hex integer", "v: 0x1F", "31" },
        { "octal integer", "v: 0o17", "15" },
        { "float", "v: 1.25", "1.25" },
        { "exponent", "v: 1e3", "1000" },
        { "integer too big for a long", "v: 12345678901234567890", "12345678901234567890" },
        { "integer too big for any integer type", "v: 123456789012345678901", "1.2345678901234568E+20" },
        { "true", "v: true", "true" },
        { "True", "v: True", "true" },
        { "false", "v: FALSE", "false" },
        { "null word", "v: null", "null" },
        { "tilde", "v: ~", "null" },
        { "nothing", "v:", "null" },
        { "YAML 1.1 yes stays a string", "v: yes", "\"yes\"" },
        { "double-quoted number", "v: \"384\"", "\"384\"" },
        { "single-quoted bool", "v: 'true'", "\"true\"" },
        { "quoted empty", "v: \"\"", "\"\"" },
        { "!!str tag", "v: !!str 42", "\"42\"" },
        { "version-like text", "v: 1.2.3", "\"1.2.3\"" },
        { "duration", "v: 2160h", "\"2160h\"" },
        { "literal block keeps line breaks", "v: |\n  one\n  two\n", "\"one\\ntwo\\n\"" },
        { "literal block of digits stays a string", "v: |-\n  42\n", "\"42\"" },
        { "folded block joins lines", "v: >\n  one\n  two\n", "\"one two\\n\"" },
        { "flow map", "v: {a: 1, b: [x]}", "{\"a\":1,\"b\":[\"x\"]}" },
        { "empty map", "v: {}", "{}" },
        { "empty list", "v: []", "[]" },
        { "numeric key stays text", "v: {8080: http}", "{\"8080\":\"http\"}" },
        { "alias copies its anchor", "a: &x {k: 1}\nv: *x", "{\"k\":1}" },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Reads_values_as_the_yaml_core_schema_types_them(string name, string yaml, string expectedJson)
    {
        var document = YamlReader.ReadDocuments(yaml).Single()!;

        (document["v"]?.ToJsonString() ?? "null").Should().Be(expectedJson, name);
    }

    [Fact]
    public void Reads_every_document_of_a_stream_and_an_empty_one_as_null()
    {
        var documents = YamlReader.ReadDocuments("a: 1\n---\n---\n- x\n...\n--- text\n");

        documents.Select(d => d?.ToJsonString() ?? "null").Should().Equal("{\"a\":1}", "null", "[\"x\"]", "\"text\"");
    }

    [Fact]
    public void An_empty_stream_has_no_documents()
    {
        YamlReader.ReadDocuments("").Should().BeEmpty();
    }

    [Fact]
    public void Keeps_key_order()
    {
        var document = YamlReader.ReadDocuments("z: 1\na: 2\nm: 3").Single()!.AsObject();

        document.Select(p => p.Key).Should().Equal("z", "a", "m");
    }

    [Fact]
    public void Strings_read_back_as_strings()
    {
        var value = YamlReader.ReadDocuments("v: 'a: b'").Single()!["v"]!;

        value.GetValueKind().Should().Be(JsonValueKind.String);
        value.GetValue<string>().Should().Be("a: b");
    }

    [Theory]
    [InlineData("v: *missing", "no anchor")]
    [InlineData("? [a, b]\n: v", "scalar mapping keys")]
    [InlineData("v: [unclosed", "")]
    public void Rejects_what_it_cannot_read_with_a_yaml_error(string yaml, string message)
    {
        var read = () => YamlReader.ReadDocuments(yaml);

        read.Should().Throw<YamlException>().Where(e => e.Message.Contains(message, StringComparison.Ordinal));
    }
}
