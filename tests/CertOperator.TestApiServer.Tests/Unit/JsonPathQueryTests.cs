using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Tables;

namespace CertOperator.TestApiServer.Tests.Unit;

public sealed class JsonPathQueryTests
{
    private static readonly JsonNode Doc = JsonNode.Parse("""
        {"metadata":{"name":"w","annotations":{"a.b/c":"dotted"}},
         "spec":{"size":3,"hosts":["x","y"],"issuerRef":{"name":"ca"}},
         "status":{"conditions":[{"type":"Issuing","status":"False"},{"type":"Ready","status":"True","message":"ok"}]}}
        """)!;

    [Theory]
    [InlineData(".spec.size", "3")]
    [InlineData("{.spec.issuerRef.name}", "\"ca\"")]
    [InlineData(".spec.hosts[1]", "\"y\"")]
    [InlineData(".spec.hosts[-1]", "\"y\"")]
    [InlineData(".spec.hosts[*]", "\"x\",\"y\"")]
    [InlineData(".status.conditions[?(@.type==\"Ready\")].status", "\"True\"")]
    [InlineData(".status.conditions[?(@.type=='Ready')].message", "\"ok\"")]
    [InlineData(".status.conditions[?(@.type!=\"Ready\")].type", "\"Issuing\"")]
    [InlineData(".status.conditions[?(@.message)].type", "\"Ready\"")]
    [InlineData(".metadata.annotations['a.b/c']", "\"dotted\"")]
    [InlineData(".status.notAfter", "")]
    [InlineData(".status.conditions[?(@.type==\"Missing\")].status", "")]
    public void Evaluates_printer_column_paths(string path, string expected)
    {
        var results = JsonPathQuery.Parse(path).Evaluate(Doc);
        string.Join(',', results.Select(r => r?.ToJsonString())).Should().Be(expected);
    }
}
