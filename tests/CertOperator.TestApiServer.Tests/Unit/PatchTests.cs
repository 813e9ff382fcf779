using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;

namespace CertOperator.TestApiServer.Tests.Unit;

public sealed class PatchTests
{
    [Theory]
    [InlineData("""{"a":1,"b":{"c":2}}""", """{"b":{"c":null,"d":3}}""", """{"a":1,"b":{"d":3}}""")]
    [InlineData("""{"a":[1,2]}""", """{"a":[3]}""", """{"a":[3]}""")]
    public void Merge_patch_follows_rfc7386(string target, string patch, string expected) =>
        MergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch))!.ToJsonString().Should().Be(expected);

    [Theory]
    [InlineData(
        """{"spec":{"containers":[{"name":"a","image":"1"},{"name":"b","image":"1"}]}}""",
        """{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],"spec":{"containers":[{"name":"b","image":"2"}]}}""",
        """{"spec":{"containers":[{"name":"a","image":"1"},{"name":"b","image":"2"}]}}""")]
    [InlineData(
        """{"metadata":{"ownerReferences":[{"uid":"1"},{"uid":"2"}]}}""",
        """{"metadata":{"ownerReferences":[{"uid":"1","$patch":"delete"}]}}""",
        """{"metadata":{"ownerReferences":[{"uid":"2"}]}}""")]
    [InlineData(
        """{"metadata":{"finalizers":["a","b"]}}""",
        """{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}""",
        """{"metadata":{"finalizers":["b"]}}""")]
    [InlineData(
        """{"spec":{"rules":[{"host":"a"}]}}""",
        """{"spec":{"rules":[{"host":"b"}]}}""",
        """{"spec":{"rules":[{"host":"b"}]}}""")]
    public void Strategic_merge_patch_merges_keyed_lists_and_honours_directives(string target, string patch, string expected) =>
        StrategicMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch))!.ToJsonString().Should().Be(expected);

    [Fact]
    public void Yaml_scalars_get_json_types()
    {
        var doc = YamlToJson.ParseSingle("a: 1\nb: true\nc: '1'\nd: ~\ne: 1.5\nf: text\n")!;
        doc.ToJsonString().Should().Be("""{"a":1,"b":true,"c":"1","d":null,"e":1.5,"f":"text"}""");
    }
}
