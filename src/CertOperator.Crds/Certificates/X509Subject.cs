using System.ComponentModel;

namespace CertOperator.Crds.Certificates;

[Description("Requested X.509 subject attributes.")]
public sealed class X509Subject
{
    [Description("Organizations (O).")]
    public List<string>? Organizations { get; set; }

    [Description("Countries (C).")]
    public List<string>? Countries { get; set; }

    [Description("Organizational units (OU).")]
    public List<string>? OrganizationalUnits { get; set; }

    [Description("Cities (L).")]
    public List<string>? Localities { get; set; }

    [Description("States or provinces (ST).")]
    public List<string>? Provinces { get; set; }

    [Description("Street addresses.")]
    public List<string>? StreetAddresses { get; set; }

    [Description("Postal codes.")]
    public List<string>? PostalCodes { get; set; }

    [Description("Subject serial number attribute (not the certificate's serial number).")]
    public string? SerialNumber { get; set; }
}
