using System.Security.Cryptography.X509Certificates;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;

namespace CertOperator.Tests.Certificates.Pki;

public sealed class CsrBuilderTests
{
    private const X509KeyUsageFlags DefaultFlags = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment;

    private static readonly Dictionary<string, (Action<CertificateSpec> Configure, Action<CsrContents> Check)> ContentCases = new()
    {
        ["common name and dns names"] = (s => (s.CommonName, s.DnsNames) = ("web", ["a.example.com", "b.example.com"]),
            c => (c.CommonName, c.Names.DnsNames).Should().BeEquivalentTo(("web", new[] { "a.example.com", "b.example.com" }))),
        ["ip addresses in canonical form"] = (s => s.IpAddresses = ["10.0.0.1", "0:0:0:0:0:0:0:1"],
            c => c.Names.IpAddresses.Should().Equal("10.0.0.1", "::1")),
        ["uris and emails"] = (s => (s.Uris, s.EmailAddresses) = (["spiffe://cluster.local/ns/prod/sa/web"], ["ops@example.com"]),
            c => (c.Names.Uris, c.Names.EmailAddresses).Should().BeEquivalentTo((new[] { "spiffe://cluster.local/ns/prod/sa/web" }, new[] { "ops@example.com" }))),
        ["other names"] = (s => s.OtherNames = [new OtherName { Oid = "1.3.6.1.4.1.311.20.2.3", Utf8Value = "web@corp.example.com" }],
            c => c.Names.OtherNames.Should().Equal(new OtherNameValue("1.3.6.1.4.1.311.20.2.3", "web@corp.example.com"))),
        ["structured subject in Go's order"] = (s => (s.CommonName, s.Subject) = ("web", new X509Subject
            {
                Organizations = ["Example Ltd", "Example Group"], Countries = ["GB"], OrganizationalUnits = ["Ops"], Localities = ["London"],
                Provinces = ["Greater London"], StreetAddresses = ["1 Main St"], PostalCodes = ["SW1A 1AA"], SerialNumber = "42",
            }),
            c => SubjectName.Attributes(c.Subject).Select(r => string.Join("+", r.Select(a => a.Value))).Should().Equal(
                "GB", "Greater London", "London", "1 Main St", "SW1A 1AA", "Example Group+Example Ltd", "Ops", "web", "42")),
        ["literal subject keeps RFC 4514 order and escapes"] = (s => (s.LiteralSubject, s.DnsNames) = (@"CN=svc\, one,OU=a+OU=b,DC=example,DC=com", null),
            c => (c.CommonName, SubjectName.Attributes(c.Subject).Select(r => string.Join("+", r.Select(a => a.Value))))
                .Should().BeEquivalentTo(("svc, one", new[] { "com", "example", "a+b", "svc, one" }), o => o.WithStrictOrdering())),
        ["non-ASCII subject is UTF-8"] = (s => s.CommonName = "café",
            c => c.CommonName.Should().Be("café")),
        ["default usages"] = (_ => { },
            c => (c.Usages!.Flags, c.Usages.ExtendedOids.Count, c.IsCA).Should().Be((DefaultFlags, 0, false))),
        ["ECDSA keys keep cert-manager's default usages"] = (s => s.PrivateKey = new CertificatePrivateKey { Algorithm = "ECDSA" },
            c => c.Usages!.Flags.Should().Be(DefaultFlags)),
        ["server and client auth"] = (s => s.Usages = ["digital signature", "server auth", "client auth"],
            c => (c.Usages!.Flags, c.Usages.ExtendedOids).Should().BeEquivalentTo((X509KeyUsageFlags.DigitalSignature, new[] { "1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2" }))),
        ["isCA adds cert sign and basic constraints"] = (s => s.IsCA = true,
            c => (c.IsCA, c.Usages!.Flags).Should().Be((true, DefaultFlags | X509KeyUsageFlags.KeyCertSign))),
        ["encodeUsagesInRequest false leaves usages out"] = (s => (s.EncodeUsagesInRequest, s.Usages) = (false, ["server auth"]),
            c => c.Usages.Should().BeNull()),
    };

    public static TheoryData<string> Contents => PkiFixtures.Names(ContentCases);

    [Theory]
    [MemberData(nameof(Contents))]
    public void Csr_carries_what_the_spec_asks_for(string name)
    {
        var (configure, check) = ContentCases[name];
        var spec = PkiFixtures.Spec(configure);
        var keyPem = spec.PrivateKey?.Algorithm == "ECDSA" ? PkiFixtures.EcKeyPem : PkiFixtures.RsaKeyPem;

        var csr = CsrContents.Decode(PkiFixtures.Csr(spec, keyPem));

        csr.Error.Should().BeNull(name);
        check(csr.Value!);
        csr.Value!.Mismatches(spec).Should().BeEmpty(name);
    }

    public static TheoryData<string, Action<CertificateSpec>, string> Rejected => new()
    {
        { "no names at all", s => s.DnsNames = null, "spec" },
        { "bad ip", s => s.IpAddresses = ["10.0.0.1", "10.0.0"], "spec.ipAddresses[1]" },
        { "ip with zone", s => s.IpAddresses = ["fe80::1%eth0"], "spec.ipAddresses[0]" },
        { "unknown usage", s => s.Usages = ["server auth", "world domination"], "spec.usages[1]" },
        { "literal subject with unknown attribute", s => s.LiteralSubject = "CN=a,FOO=b", "spec.literalSubject" },
        { "literal subject without equals", s => s.LiteralSubject = "just text", "spec.literalSubject" },
        { "other name without oid", s => s.OtherNames = [new OtherName { Utf8Value = "x" }], "spec.otherNames[0]" },
        { "unicode dns name", s => s.DnsNames = ["example.com", "bücher.example"], "spec.dnsNames[1]" },
        { "unicode email", s => s.EmailAddresses = ["jörg@example.com"], "spec.emailAddresses[0]" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Invalid_specs_are_reported_with_the_field(string name, Action<CertificateSpec> configure, string field)
    {
        using var key = PrivateKey.FromPem(PkiFixtures.RsaKeyPem).Value!;

        var result = CsrBuilder.Build(PkiFixtures.Spec(configure), key);

        result.Ok.Should().BeFalse(name);
        result.Error!.Field.Should().Be(field, name);
        result.Error.Message.Should().StartWith(field.Split('[')[0], name);
    }

    public static TheoryData<string, Action<CertificateSpec>, string[]> Changes => new()
    {
        { "nothing changed", _ => { }, [] },
        { "dns name case and trailing dot", s => s.DnsNames = ["EXAMPLE.com."], [] },
        { "usages reordered", s => s.Usages = ["key encipherment", "digital signature"], [] },
        { "usage alias", s => s.Usages = ["signing", "key encipherment"], [] },
        { "dns name added", s => s.DnsNames = ["example.com", "www.example.com"], ["spec.dnsNames"] },
        { "ip added", s => s.IpAddresses = ["::1"], ["spec.ipAddresses"] },
        { "common name set", s => s.CommonName = "web", ["spec.subject"] },
        { "organization set", s => s.Subject = new X509Subject { Organizations = ["Example"] }, ["spec.subject"] },
        { "became a CA", s => s.IsCA = true, ["spec.isCA", "spec.usages"] },
        { "usage added", s => s.Usages = ["digital signature", "key encipherment", "server auth"], ["spec.usages"] },
        { "usages no longer encoded are not compared", s => (s.EncodeUsagesInRequest, s.Usages) = (false, ["server auth"]), [] },
        { "key algorithm changed", s => s.PrivateKey = new CertificatePrivateKey { Algorithm = "ECDSA" }, ["spec.privateKey"] },
        { "key size changed", s => s.PrivateKey = new CertificatePrivateKey { Size = 4096 }, ["spec.privateKey"] },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Csr_mismatches_name_the_changed_fields(string name, Action<CertificateSpec> change, string[] expected)
    {
        var csr = CsrContents.Decode(PkiFixtures.Csr(PkiFixtures.Spec(), PkiFixtures.RsaKeyPem)).Value!;

        csr.Mismatches(PkiFixtures.Spec(change)).Should().BeEquivalentTo(expected, name);
    }

    [Fact]
    public void Csr_made_with_another_key_is_a_mismatch_when_the_key_is_given()
    {
        var csr = CsrContents.Decode(PkiFixtures.Csr(PkiFixtures.Spec(), PkiFixtures.RsaKeyPem)).Value!;
        using var same = PrivateKey.FromPem(PkiFixtures.RsaKeyPem).Value!;
        using var other = PrivateKey.FromPem(PkiFixtures.OtherRsaKeyPem).Value!;

        csr.Mismatches(PkiFixtures.Spec(), same).Should().BeEmpty();
        csr.Mismatches(PkiFixtures.Spec(), other).Should().Equal("privateKey");
    }

    public static TheoryData<string, Func<string, string>> Broken => new()
    {
        { "not PEM", _ => "hello" },
        { "a certificate instead", _ => PkiFixtures.Ca.Cert },
        { "tampered signature", pem => TamperLastByte(pem) },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Broken_csrs_are_rejected(string name, Func<string, string> breakIt)
    {
        var pem = breakIt(PkiFixtures.Csr(PkiFixtures.Spec(), PkiFixtures.EcKeyPem));

        CsrContents.Decode(pem).Error!.Reason.Should().Be(PkiError.InvalidCsr, name);
    }

    private static string TamperLastByte(string pem)
    {
        var fields = System.Security.Cryptography.PemEncoding.Find(pem);
        var der = Convert.FromBase64String(pem[fields.Base64Data]);
        der[^1] ^= 0xFF;
        return new string(System.Security.Cryptography.PemEncoding.Write("CERTIFICATE REQUEST", der));
    }
}
