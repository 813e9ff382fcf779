using CertOperator.Certificates.Pki;

namespace CertOperator.Tests.Certificates.Pki;

public sealed class LiteralSubjectTests
{
    public static TheoryData<string, string, string[]> Parsed => new()
    {
        { "encoding order is the reverse of the string", "CN=web,O=Example,C=GB", ["2.5.4.6=GB", "2.5.4.10=Example", "2.5.4.3=web"] },
        { "domain components", "CN=svc,DC=corp,DC=example", ["0.9.2342.19200300.100.1.25=example", "0.9.2342.19200300.100.1.25=corp", "2.5.4.3=svc"] },
        { "multi-valued RDN", "CN=a+OU=b", ["2.5.4.11=b|2.5.4.3=a"] },
        { "escaped comma and plus", @"CN=a\,b\+c", [@"2.5.4.3=a,b+c"] },
        { "hex-escaped UTF-8", @"CN=caf\C3\A9", ["2.5.4.3=café"] },
        { "dotted OID attribute", "2.5.4.3=web", ["2.5.4.3=web"] },
        { "case-insensitive names and spaces around values", "cn = web , uid=42", ["0.9.2342.19200300.100.1.1=42", "2.5.4.3=web"] },
        { "postal code, street and serial number", "SERIALNUMBER=7,STREET=1 Main St,POSTALCODE=SW1A",
            ["2.5.4.17=SW1A", "2.5.4.9=1 Main St", "2.5.4.5=7"] },
    };

    [Theory]
    [MemberData(nameof(Parsed))]
    public void Parses_rfc4514_subjects(string name, string literal, string[] expected)
    {
        var result = LiteralSubject.Parse(literal);

        result.Error.Should().BeNull(name);
        result.Value!.Select(rdn => string.Join("|", rdn.Select(a => $"{a.Oid}={a.Value}").Order(StringComparer.Ordinal)))
            .Should().Equal(expected, name);
        SubjectName.CommonName(SubjectName.Encode(result.Value!)).Should().Be(
            expected.SelectMany(r => r.Split('|')).LastOrDefault(a => a.StartsWith("2.5.4.3=", StringComparison.Ordinal))?[8..], name);
    }

    public static TheoryData<string, string, string> Rejected => new()
    {
        { "empty", "", "is empty" },
        { "no equals sign", "CN", "has no '='" },
        { "unknown attribute", "CN=a,EMAIL=b@example.com", "unrecognized attribute \"EMAIL\"" },
        { "dangling escape", @"CN=a\", "lone '\\'" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Rejects_malformed_subjects_naming_the_field(string name, string literal, string message)
    {
        var result = LiteralSubject.Parse(literal);

        result.Error!.Field.Should().Be("spec.literalSubject", name);
        result.Error.Message.Should().Contain(message, name);
    }
}
