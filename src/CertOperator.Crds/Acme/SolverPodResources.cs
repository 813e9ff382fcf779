using System.ComponentModel;
using System.Text.Json;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("Compute resources of the solver container; each given value replaces the operator's default for that resource.")]
public sealed class SolverPodResources
{
    [Quantity]
    [Description("Most of each resource the container may use, e.g. `cpu: 100m`, `memory: 64Mi`.")]
    public Dictionary<string, JsonElement>? Limits { get; set; }

    [Quantity]
    [Description("Resources reserved for the container, e.g. `cpu: 10m`, `memory: 64Mi`.")]
    public Dictionary<string, JsonElement>? Requests { get; set; }
}
