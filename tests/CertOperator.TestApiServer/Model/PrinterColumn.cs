using System.Text.Json.Nodes;

namespace CertOperator.TestApiServer.Model;

/// <summary>One Table column: either a CRD additionalPrinterColumn (JSONPath) or a built-in computed cell.</summary>
internal sealed record PrinterColumn(string Name, string Type, int Priority, string Description, string? JsonPath = null, Func<JsonObject, JsonNode?>? Compute = null)
{
    public string Format { get; init; } = "";
}
