using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using CertOperator.Crds.Certificates;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// Builds a Certificate's subject DN the way cert-manager does: either `literalSubject` (RFC 4514, order kept)
/// or Go's pkix.Name order C, ST, L, STREET, POSTALCODE, O, OU, CN, SERIALNUMBER with each repeated attribute
/// in one multi-valued RDN. Values are PrintableString when they fit, else UTF8String, as Go encodes them.
/// </summary>
internal static class SubjectName
{
    public const string CommonNameOid = "2.5.4.3";

    public static PkiResult<X500DistinguishedName> FromSpec(CertificateSpec spec)
    {
        if (!string.IsNullOrEmpty(spec.LiteralSubject))
        {
            var rdns = LiteralSubject.Parse(spec.LiteralSubject);
            return rdns.Ok ? Encode(rdns.Value) : rdns.Error;
        }

        var subject = spec.Subject ?? new X509Subject();
        var rdnList = new List<IReadOnlyList<(string Oid, string Value)>>();
        Add(rdnList, "2.5.4.6", subject.Countries);
        Add(rdnList, "2.5.4.8", subject.Provinces);
        Add(rdnList, "2.5.4.7", subject.Localities);
        Add(rdnList, "2.5.4.9", subject.StreetAddresses);
        Add(rdnList, "2.5.4.17", subject.PostalCodes);
        Add(rdnList, "2.5.4.10", subject.Organizations);
        Add(rdnList, "2.5.4.11", subject.OrganizationalUnits);
        Add(rdnList, CommonNameOid, spec.CommonName is { Length: > 0 } cn ? [cn] : null);
        Add(rdnList, "2.5.4.5", subject.SerialNumber is { Length: > 0 } serial ? [serial] : null);
        return Encode(rdnList);
    }

    private static void Add(List<IReadOnlyList<(string, string)>> rdns, string oid, List<string>? values)
    {
        if (values is { Count: > 0 })
        {
            rdns.Add([.. values.Select(v => (oid, v))]);
        }
    }

    /// <summary>DER-encodes RDNs listed in encoding order (most significant first).</summary>
    public static X500DistinguishedName Encode(IEnumerable<IReadOnlyList<(string Oid, string Value)>> rdns)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var rdn in rdns)
            {
                using (writer.PushSetOf())
                {
                    foreach (var (oid, value) in rdn)
                    {
                        using (writer.PushSequence())
                        {
                            writer.WriteObjectIdentifier(oid);
                            writer.WriteCharacterString(IsPrintable(value) ? UniversalTagNumber.PrintableString : UniversalTagNumber.UTF8String, value);
                        }
                    }
                }
            }
        }

        return new X500DistinguishedName(writer.Encode());
    }

    /// <summary>The last common name in the DN, as cert-manager reads it, or null when there is none.</summary>
    public static string? CommonName(X500DistinguishedName name) =>
        Attributes(name).SelectMany(rdn => rdn).LastOrDefault(a => a.Oid == CommonNameOid).Value;

    /// <summary>Each RDN's (type, value) pairs in encoding order, values sorted within an RDN; string types are not kept.</summary>
    public static List<List<(string Oid, string Value)>> Attributes(X500DistinguishedName name)
    {
        var rdns = new List<List<(string, string)>>();
        var sequence = new AsnReader(name.RawData, AsnEncodingRules.DER).ReadSequence();
        while (sequence.HasData)
        {
            var set = sequence.ReadSetOf();
            var rdn = new List<(string, string)>();
            while (set.HasData)
            {
                var attribute = set.ReadSequence();
                var oid = attribute.ReadObjectIdentifier();
                var tag = attribute.PeekTag();
                var value = tag.TagClass == TagClass.Universal && Enum.IsDefined((UniversalTagNumber)tag.TagValue)
                    ? TryReadString(attribute, (UniversalTagNumber)tag.TagValue)
                    : null;
                rdn.Add((oid, value ?? Convert.ToHexString(attribute.ReadEncodedValue().Span)));
            }

            rdns.Add([.. rdn.Order()]);
        }

        return rdns;
    }

    private static string? TryReadString(AsnReader reader, UniversalTagNumber type)
    {
        try
        {
            return reader.ReadCharacterString(type);
        }
        catch (Exception e) when (e is ArgumentException or AsnContentException)
        {
            return null;
        }
    }

    private static bool IsPrintable(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || " '()+,-./:=?".Contains(c, StringComparison.Ordinal));
}
