using System.ComponentModel;
using System.Text.Json;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme;

[Description("An external DNS01 solver served as a Kubernetes APIService.")]
public sealed class WebhookProvider
{
    [Required]
    [Description("API group of the solver's APIService, e.g. `acme.example.com`.")]
    public string GroupName { get; set; } = "";

    [Required]
    [Description("Name of the solver within the webhook, as it registers itself.")]
    public string SolverName { get; set; } = "";

    [PreserveUnknownFields]
    [Description("Solver-specific configuration passed to the webhook unchanged; its shape is defined by the webhook.")]
    public JsonElement? Config { get; set; }
}
