using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Schema;

namespace CertOperator.TestApiServer.Tests.Unit;

public sealed class SchemaTests
{
    private static readonly JsonObject Schema = JsonNode.Parse("""
        {"type":"object","properties":{
          "spec":{"type":"object","required":["name"],"properties":{
            "name":{"type":"string","minLength":1,"maxLength":5,"pattern":"^[a-z]+$"},
            "count":{"type":"integer","format":"int32","minimum":0,"exclusiveMinimum":true},
            "port":{"x-kubernetes-int-or-string":true},
            "when":{"type":"string","format":"date-time"},
            "tags":{"type":"array","maxItems":2,"x-kubernetes-list-type":"set","items":{"type":"string"}},
            "conditions":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["type"],"items":{"type":"object","properties":{"type":{"type":"string"},"status":{"type":"string","default":"Unknown"}}}},
            "free":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
            "labels":{"type":"object","additionalProperties":{"type":"string"}}}}}}
        """)!.AsObject();

    [Theory]
    [InlineData("""{"name":"ok"}""", "")]
    [InlineData("""{}""", "FieldValueRequired spec.name")]
    [InlineData("""{"name":""}""", "FieldValueInvalid spec.name,FieldValueInvalid spec.name")]
    [InlineData("""{"name":"toolong"}""", "FieldValueTooLong spec.name")]
    [InlineData("""{"name":"ok","count":0}""", "FieldValueInvalid spec.count")]
    [InlineData("""{"name":"ok","count":3000000000}""", "FieldValueInvalid spec.count")]
    [InlineData("""{"name":"ok","count":"3"}""", "FieldValueTypeInvalid spec.count")]
    [InlineData("""{"name":"ok","port":"http"}""", "")]
    [InlineData("""{"name":"ok","port":true}""", "FieldValueTypeInvalid spec.port")]
    [InlineData("""{"name":"ok","when":"yesterday"}""", "FieldValueInvalid spec.when")]
    [InlineData("""{"name":"ok","tags":["a","a"]}""", "FieldValueDuplicate spec.tags[1]")]
    [InlineData("""{"name":"ok","tags":["a","b","c"]}""", "FieldValueTooMany spec.tags")]
    [InlineData("""{"name":"ok","conditions":[{"type":"Ready"},{"type":"Ready","status":"True"}]}""", "FieldValueDuplicate spec.conditions[1]")]
    [InlineData("""{"name":"ok","labels":{"a":1}}""", "FieldValueTypeInvalid spec.labels.a")]
    public void Validation_reports_kubernetes_causes(string spec, string expected)
    {
        var obj = new JsonObject { ["spec"] = JsonNode.Parse(spec) };
        var causes = SchemaValidator.ValidateRoot(obj, Schema);
        string.Join(',', causes.Select(c => $"{c.Reason} {c.Field}")).Should().Be(expected);
    }

    [Fact]
    public void Pruning_keeps_declared_and_preserved_fields_and_reports_the_rest()
    {
        var obj = JsonNode.Parse("""{"apiVersion":"v1","kind":"K","metadata":{"name":"x","labels":{"a":"b"}},"spec":{"name":"ok","bogus":1,"free":{"any":{"thing":1}},"labels":{"k":"v"}},"extra":true}""")!.AsObject();
        var unknown = SchemaPruner.PruneRoot(obj, Schema);
        unknown.Should().BeEquivalentTo("spec.bogus", "extra");
        obj.ToJsonString().Should().Be("""{"apiVersion":"v1","kind":"K","metadata":{"name":"x","labels":{"a":"b"}},"spec":{"name":"ok","free":{"any":{"thing":1}},"labels":{"k":"v"}}}""");
    }

    [Fact]
    public void Defaults_apply_inside_list_items()
    {
        var obj = JsonNode.Parse("""{"spec":{"name":"ok","conditions":[{"type":"Ready"}]}}""")!.AsObject();
        SchemaDefaulter.Apply(obj, Schema);
        obj["spec"]!["conditions"]![0]!["status"]!.GetValue<string>().Should().Be("Unknown");
    }
}
