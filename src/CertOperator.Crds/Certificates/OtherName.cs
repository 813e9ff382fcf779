using System.ComponentModel;

namespace CertOperator.Crds.Certificates;

[Description("An otherName subject alternative name with a UTF-8 string value.")]
public sealed class OtherName
{
    [Description("Object identifier of the otherName, as a dotted string, e.g. `1.3.6.1.4.1.311.20.2.3`.")]
    public string? Oid { get; set; }

    [Description("The UTF-8 string value of the otherName.")]
    public string? Utf8Value { get; set; }
}
