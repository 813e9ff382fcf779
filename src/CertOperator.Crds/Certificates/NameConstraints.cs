using System.ComponentModel;

namespace CertOperator.Crds.Certificates;

[Description("X.509 name constraints (RFC 5280 section 4.2.1.10) for a CA certificate.")]
public sealed class NameConstraints
{
    [Description("Mark the name constraints extension critical.")]
    public bool? Critical { get; set; }

    [Description("Names that certificates signed by this CA may use.")]
    public NameConstraintItem? Permitted { get; set; }

    [Description("Names that certificates signed by this CA must not use, whatever `permitted` says.")]
    public NameConstraintItem? Excluded { get; set; }
}
