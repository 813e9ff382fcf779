using System.Formats.Asn1;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using CertOperator.Crds.Certificates;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// The subjectAltName GeneralNames this operator writes and reads (RFC 5280 4.2.1.6). Written by hand because
/// .NET's builder has no otherName and its reader has no URI or email. IPs are kept in canonical text form.
/// </summary>
internal sealed partial record SubjectAltNames(
    IReadOnlyList<string> DnsNames,
    IReadOnlyList<string> IpAddresses,
    IReadOnlyList<string> Uris,
    IReadOnlyList<string> EmailAddresses,
    IReadOnlyList<OtherNameValue> OtherNames)
{
    public const string Oid = "2.5.29.17";
    private static readonly Asn1Tag OtherNameTag = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag EmailTag = new(TagClass.ContextSpecific, 1);
    private static readonly Asn1Tag DnsTag = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag UriTag = new(TagClass.ContextSpecific, 6);
    private static readonly Asn1Tag IpTag = new(TagClass.ContextSpecific, 7);

    public static SubjectAltNames Empty { get; } = new([], [], [], [], []);

    public bool IsEmpty => DnsNames.Count + IpAddresses.Count + Uris.Count + EmailAddresses.Count + OtherNames.Count == 0;

    /// <summary>The names a Certificate asks for, checked: IPs parse, otherNames have an OID, IA5 names are ASCII.</summary>
    public static PkiResult<SubjectAltNames> FromSpec(CertificateSpec spec)
    {
        if ((NonAscii("dnsNames", spec.DnsNames) ?? NonAscii("uris", spec.Uris) ?? NonAscii("emailAddresses", spec.EmailAddresses)) is { } nonAscii)
        {
            return nonAscii;
        }

        var ips = new List<string>();
        foreach (var (text, i) in (spec.IpAddresses ?? []).Select((t, i) => (t, i)))
        {
            if (ParseIp(text) is not { } ip)
            {
                return new PkiError(PkiError.InvalidSpec, $"spec.ipAddresses[{i}]: \"{text}\" is not an IPv4 or IPv6 address", $"spec.ipAddresses[{i}]");
            }

            ips.Add(ip.ToString());
        }

        var others = new List<OtherNameValue>();
        foreach (var (other, i) in (spec.OtherNames ?? []).Select((o, i) => (o, i)))
        {
            if (other.Oid is not { } oid || !OidSyntax().IsMatch(oid) || string.IsNullOrEmpty(other.Utf8Value))
            {
                return new PkiError(PkiError.InvalidSpec,
                    $"spec.otherNames[{i}]: needs a dotted oid (e.g. 1.3.6.1.4.1.311.20.2.3) and a non-empty utf8Value", $"spec.otherNames[{i}]");
            }

            others.Add(new OtherNameValue(oid, other.Utf8Value));
        }

        return new SubjectAltNames([.. spec.DnsNames ?? []], ips, [.. spec.Uris ?? []], [.. spec.EmailAddresses ?? []], others);
    }

    private static PkiError? NonAscii(string field, List<string>? values) =>
        values?.FindIndex(v => !Ascii.IsValid(v)) is { } i and >= 0
            ? new PkiError(PkiError.InvalidSpec,
                $"spec.{field}[{i}]: \"{values[i]}\" must be ASCII; write internationalised domain names in punycode (xn--...)", $"spec.{field}[{i}]")
            : null;

    /// <summary>Parses an IP the way Go's net.ParseIP accepts it: dotted quad or IPv6, no zone.</summary>
    public static IPAddress? ParseIp(string text)
    {
        var looksValid = text.Contains(':', StringComparison.Ordinal) ? !text.Contains('%', StringComparison.Ordinal) : DottedQuad().IsMatch(text);
        return looksValid && IPAddress.TryParse(text, out var ip) && ip.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            ? ip
            : null;
    }

    /// <summary>The extension; critical when the subject is empty, as RFC 5280 requires.</summary>
    public X509Extension ToExtension(bool subjectIsEmpty)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var other in OtherNames)
            {
                writer.PushSequence(OtherNameTag);
                writer.WriteObjectIdentifier(other.Oid);
                var explicitTag = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
                writer.PushSequence(explicitTag);
                writer.WriteCharacterString(UniversalTagNumber.UTF8String, other.Value);
                writer.PopSequence(explicitTag);
                writer.PopSequence(OtherNameTag);
            }

            WriteAll(writer, EmailTag, EmailAddresses);
            WriteAll(writer, DnsTag, DnsNames);
            WriteAll(writer, UriTag, Uris);
            foreach (var ip in IpAddresses)
            {
                writer.WriteOctetString(IPAddress.Parse(ip).GetAddressBytes(), IpTag);
            }
        }

        return new X509Extension(Oid, writer.Encode(), subjectIsEmpty);
    }

    private static void WriteAll(AsnWriter writer, Asn1Tag tag, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            writer.WriteCharacterString(UniversalTagNumber.IA5String, value, tag);
        }
    }

    /// <summary>Reads the subjectAltName extension of a certificate or CSR; none when it is absent.</summary>
    public static SubjectAltNames Read(IEnumerable<X509Extension> extensions)
    {
        var extension = extensions.FirstOrDefault(e => e.Oid?.Value == Oid);
        return extension is null ? Empty : Decode(extension.RawData);
    }

    private static SubjectAltNames Decode(byte[] der)
    {
        List<string> dns = [], ips = [], uris = [], emails = [];
        List<OtherNameValue> others = [];
        var names = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        while (names.HasData)
        {
            var tag = names.PeekTag();
            if (tag.HasSameClassAndValue(DnsTag))
            {
                dns.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, DnsTag));
            }
            else if (tag.HasSameClassAndValue(IpTag))
            {
                ips.Add(new IPAddress(names.ReadOctetString(IpTag)).ToString());
            }
            else if (tag.HasSameClassAndValue(UriTag))
            {
                uris.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, UriTag));
            }
            else if (tag.HasSameClassAndValue(EmailTag))
            {
                emails.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, EmailTag));
            }
            else if (tag.HasSameClassAndValue(OtherNameTag))
            {
                others.Add(ReadOtherName(names.ReadSequence(OtherNameTag)));
            }
            else
            {
                names.ReadEncodedValue();
            }
        }

        return new SubjectAltNames(dns, ips, uris, emails, others);
    }

    private static OtherNameValue ReadOtherName(AsnReader otherName)
    {
        var oid = otherName.ReadObjectIdentifier();
        var value = otherName.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true));
        return value.PeekTag().HasSameClassAndValue(new Asn1Tag(UniversalTagNumber.UTF8String))
            ? new OtherNameValue(oid, value.ReadCharacterString(UniversalTagNumber.UTF8String))
            : new OtherNameValue(oid, Convert.ToHexString(value.ReadEncodedValue().Span));
    }

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){3}$")]
    private static partial Regex DottedQuad();

    [GeneratedRegex(@"^[0-2](\.\d+)+$")]
    private static partial Regex OidSyntax();
}

/// <summary>An otherName SAN with a UTF-8 string value, e.g. a Microsoft UPN.</summary>
internal sealed record OtherNameValue(string Oid, string Value);
