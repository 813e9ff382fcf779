using System.Xml.Linq;

namespace CertOperator.Acme.Dns01.Providers.Route53;

/// <summary>The Route53 2013-04-01 REST API's XML bodies that this provider writes and reads.</summary>
internal static class Route53Xml
{
    public static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    /// <summary>
    /// One change to a multivalue-answer TXT record set whose set identifier is the value itself, as cert-manager
    /// writes it: each challenge value is its own record set, so several coexist and DELETE removes only ours.
    /// </summary>
    public static XDocument ChangeBatch(string action, string fqdn, string value, int ttl) => new(
        new XElement(Ns + "ChangeResourceRecordSetsRequest",
            new XElement(Ns + "ChangeBatch",
                new XElement(Ns + "Comment", "Managed by CertOperator"),
                new XElement(Ns + "Changes",
                    new XElement(Ns + "Change",
                        new XElement(Ns + "Action", action),
                        new XElement(Ns + "ResourceRecordSet",
                            new XElement(Ns + "Name", fqdn),
                            new XElement(Ns + "Type", "TXT"),
                            new XElement(Ns + "SetIdentifier", Quoted(value)),
                            new XElement(Ns + "MultiValueAnswer", "true"),
                            new XElement(Ns + "TTL", ttl),
                            new XElement(Ns + "ResourceRecords",
                                new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", Quoted(value))))))))));

    public static string Quoted(string value) => $"\"{value}\"";

    /// <summary>A ListHostedZonesByName page.</summary>
    public static HostedZonePage HostedZones(XDocument document)
    {
        var root = document.Root!;
        var zones = root.Element(Ns + "HostedZones")?.Elements(Ns + "HostedZone")
            .Select(z => new HostedZone(
                (string?)z.Element(Ns + "Id") ?? "",
                (string?)z.Element(Ns + "Name") ?? "",
                (bool?)z.Element(Ns + "Config")?.Element(Ns + "PrivateZone") ?? false))
            .ToList() ?? [];
        return new HostedZonePage(
            zones,
            (bool?)root.Element(Ns + "IsTruncated") ?? false,
            (string?)root.Element(Ns + "NextDNSName"),
            (string?)root.Element(Ns + "NextHostedZoneId"));
    }

    /// <summary>The ChangeInfo of a ChangeResourceRecordSets or GetChange response.</summary>
    public static ChangeInfo Change(XDocument document)
    {
        var info = document.Root?.Element(Ns + "ChangeInfo") ?? throw new FormatException("the response has no ChangeInfo");
        return new ChangeInfo((string?)info.Element(Ns + "Id") ?? "", (string?)info.Element(Ns + "Status") ?? "");
    }

    /// <summary>
    /// The code and message of an error body: `ErrorResponse/Error/{Code,Message}` for most errors,
    /// `InvalidChangeBatch/Messages/Message` for a rejected change.
    /// </summary>
    public static (string Code, string Message) Error(XDocument? document)
    {
        var root = document?.Root;
        if (root is null)
        {
            return ("", "");
        }

        if (root.Name.LocalName == "InvalidChangeBatch")
        {
            var messages = root.Descendants().Where(e => e.Name.LocalName == "Message").Select(e => e.Value);
            return ("InvalidChangeBatch", string.Join("; ", messages));
        }

        var error = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
        return (error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value ?? "",
            error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value ?? "");
    }
}

internal sealed record HostedZone(string Id, string Name, bool PrivateZone);

internal sealed record HostedZonePage(IReadOnlyList<HostedZone> Zones, bool IsTruncated, string? NextDnsName, string? NextHostedZoneId);

internal sealed record ChangeInfo(string Id, string Status);
