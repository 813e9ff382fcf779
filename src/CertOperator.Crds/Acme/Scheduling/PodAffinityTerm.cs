using System.ComponentModel;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Acme.Scheduling;

[Description("A core/v1 PodAffinityTerm: the pods selected in the given namespaces, within one topology domain.")]
public sealed class PodAffinityTerm
{
    [Description("Which pods count; absent selects none.")]
    public LabelSelector? LabelSelector { get; set; }

    [Description("Namespaces the pods are looked for in, together with namespaceSelector; both empty means this pod's namespace.")]
    public List<string>? Namespaces { get; set; }

    [Required]
    [Description("The node label whose value defines the topology domain, e.g. kubernetes.io/hostname.")]
    public string TopologyKey { get; set; } = "";

    [Description("Namespaces the pods are looked for in, by label; an empty selector means every namespace.")]
    public LabelSelector? NamespaceSelector { get; set; }

    [Description("Label keys whose values on this pod are ANDed into labelSelector as `key in (value)`.")]
    public List<string>? MatchLabelKeys { get; set; }

    [Description("Label keys whose values on this pod are ANDed into labelSelector as `key notin (value)`.")]
    public List<string>? MismatchLabelKeys { get; set; }
}
