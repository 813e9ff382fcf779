using CertOperator.Crds.Certificates;
using CertOperator.Crds.Meta;
using CertOperator.Validation;

namespace CertOperator.Tests.Validation;

/// <summary>cert-manager's certificate_test.go table, case for case where our API has the field, plus the name syntax rules.</summary>
public sealed class CertificateValidationTests
{
    public static TheoryData<string, Action<CertificateSpec>, string?, string?> Cases => new()
    {
        { "valid basic certificate", _ => { }, null, null },
        { "valid with blank issuerRef kind and no group", s => s.IssuerRef = new IssuerReference { Name = "ca" }, null, null },
        { "valid with 'Issuer' issuerRef kind and no group", s => s.IssuerRef.Kind = "Issuer", null, null },
        { "valid with 'ClusterIssuer' kind", s => s.IssuerRef.Kind = "ClusterIssuer", null, null },
        { "valid with org set", s => s.Subject = new X509Subject { Organizations = ["testorg"] }, null, null },
        { "valid with 'Issuer' kind and explicit internal group", s => (s.IssuerRef.Kind, s.IssuerRef.Group) = ("Issuer", "cert-manager.io"), null, null },
        {
            "invalid with external issuerRef kind and empty group", s => s.IssuerRef.Kind = "AWSPCAClusterIssuer",
            "spec.issuerRef.kind", "must be one of Issuer or ClusterIssuer (did you forget to set spec.issuerRef.group?)"
        },
        {
            "invalid external kind with explicit cert-manager group gets no hint", s => (s.IssuerRef.Kind, s.IssuerRef.Group) = ("VenafiIssuer", "cert-manager.io"),
            "spec.issuerRef.kind", "\"VenafiIssuer\": must be one of Issuer or ClusterIssuer"
        },
        { "valid with external issuerRef kind and external group", s => (s.IssuerRef.Kind, s.IssuerRef.Group) = ("AWSPCAClusterIssuer", "awspca.cert-manager.io"), null, null },
        { "certificate missing secretName", s => s.SecretName = "", "spec.secretName", "must be specified" },
        { "certificate invalid secretName", s => s.SecretName = "testFoo", "spec.secretName", "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters" },
        { "secretName with underscore", s => s.SecretName = "web_tls", "spec.secretName", "RFC 1123 subdomain" },
        { "secretName longer than 253", s => s.SecretName = new string('a', 254), "spec.secretName", "must be no more than 253 characters" },
        { "certificate with no domains, URIs or common name", s => s.DnsNames = null, "spec", "at least one of commonName (from the commonName field or from a literalSubject), dnsNames" },
        { "invalid with no issuerRef", s => s.IssuerRef = new IssuerReference(), "spec.issuerRef.name", "must be specified" },
        { "valid certificate with only dnsNames", s => s.DnsNames = ["a.example.com", "b.example.com"], null, null },
        { "valid with rsa keyAlgorithm and no keySize", s => s.PrivateKey = new() { Algorithm = "RSA" }, null, null },
        { "valid with rsa keySize 2048", s => s.PrivateKey = new() { Algorithm = "RSA", Size = 2048 }, null, null },
        { "valid with rsa keySize 4096", s => s.PrivateKey = new() { Algorithm = "RSA", Size = 4096 }, null, null },
        { "valid with rsa keySize 8192", s => s.PrivateKey = new() { Algorithm = "RSA", Size = 8192 }, null, null },
        { "valid with ecdsa and no keySize", s => s.PrivateKey = new() { Algorithm = "ECDSA" }, null, null },
        { "valid with ecdsa keySize 256", s => s.PrivateKey = new() { Algorithm = "ECDSA", Size = 256 }, null, null },
        { "valid with ecdsa keySize 384", s => s.PrivateKey = new() { Algorithm = "ECDSA", Size = 384 }, null, null },
        { "valid with ecdsa keySize 521", s => s.PrivateKey = new() { Algorithm = "ECDSA", Size = 521 }, null, null },
        { "valid with ed25519 keyAlgorithm", s => s.PrivateKey = new() { Algorithm = "Ed25519" }, null, null },
        { "valid with keyAlgorithm not specified and keySize specified", s => s.PrivateKey = new() { Size = 4096 }, null, null },
        { "rsa keySize 1024", s => s.PrivateKey = new() { Algorithm = "RSA", Size = 1024 }, "spec.privateKey.size", "must be between 2048 and 8192 for rsa keyAlgorithm" },
        { "rsa keySize 8196", s => s.PrivateKey = new() { Algorithm = "RSA", Size = 8196 }, "spec.privateKey.size", "must be between 2048 and 8192 for rsa keyAlgorithm" },
        { "ecdsa invalid keySize", s => s.PrivateKey = new() { Algorithm = "ECDSA", Size = 100 }, "spec.privateKey.size", "supported values: \"256\", \"384\", \"521\"" },
        { "invalid keyAlgorithm", s => s.PrivateKey = new() { Algorithm = "blah" }, "spec.privateKey.algorithm", "must be either empty or one of RSA, ECDSA or Ed25519" },
        { "invalid key encoding", s => s.PrivateKey = new() { Encoding = "PKCS7" }, "spec.privateKey.encoding", "supported values: \"PKCS1\", \"PKCS8\"" },
        { "explicit rotation policy", s => s.PrivateKey = new() { RotationPolicy = "Never" }, null, null },
        { "cert sign usage on a non-CA (stricter than cert-manager: RFC 5280)", s => s.Usages = ["digital signature", "cert sign"], "spec.usages[1]", "only for CA certificates" },
        { "cert sign usage on a CA", s => (s.IsCA, s.Usages) = (true, ["digital signature", "cert sign"]), null, null },
        { "invalid rotation policy", s => s.PrivateKey = new() { RotationPolicy = "Sometimes" }, "spec.privateKey.rotationPolicy", "supported values: \"Always\", \"Never\"" },
        { "valid certificate with ipAddresses", s => s.IpAddresses = ["127.0.0.1", "::1", "2001:db8::1"], null, null },
        { "invalid ipAddresses", s => s.IpAddresses = ["blah"], "spec.ipAddresses[0]", "invalid IP address" },
        { "IPv4 with a leading zero, as Go rejects", s => s.IpAddresses = ["10.0.0.1", "010.0.0.1"], "spec.ipAddresses[1]", "invalid IP address" },
        { "short IPv4 form that .NET alone would accept", s => s.IpAddresses = ["1"], "spec.ipAddresses[0]", "invalid IP address" },
        { "commonName exactly 64 bytes", s => s.CommonName = new string('a', 64), null, null },
        { "commonName longer than 64 bytes", s => s.CommonName = new string('a', 65), "spec.commonName", "may not be more than 64 bytes" },
        { "no commonName and second dnsName longer than 64 bytes", s => s.DnsNames = ["dnsName", "this-is-a-big-long-string.which-is-longer-than.sixty-four-bytes.example.com"], null, null },
        { "valid certificate with basic keyusage", s => s.Usages = ["signing"], null, null },
        { "valid certificate with multiple keyusage", s => s.Usages = ["signing", "s/mime"], null, null },
        { "nonexistent keyusage", s => s.Usages = ["nonexistent"], "spec.usages[0]", "unknown keyusage" },
        { "isCA with usages that omit cert sign", s => (s.IsCA, s.Usages) = (true, ["digital signature"]), null, null },
        { "valid certificate with only URI SAN name", s => (s.DnsNames, s.Uris) = (null, ["spiffe://cluster.local/ns/default/sa/web"]), null, null },
        { "relative URI", s => s.Uris = ["/ns/default"], "spec.uris[0]", "is not an absolute URI" },
        { "URI with a space", s => s.Uris = ["https://example.com/a b"], "spec.uris[0]", "is not an absolute URI" },
        { "valid certificate with only email SAN", s => (s.DnsNames, s.EmailAddresses) = (null, ["alice@example.com"]), null, null },
        { "incorrect email", s => s.EmailAddresses = ["alice.example.com"], "spec.emailAddresses[0]", "invalid email address: mail: missing '@' or angle-addr" },
        { "email formatted with name", s => s.EmailAddresses = ["Alice <alice@example.com>"], "spec.emailAddresses[0]", "make sure the supplied value only contains the email address itself" },
        { "email with two '@'", s => s.EmailAddresses = ["a@b@example.com"], "spec.emailAddresses[0]", "invalid email address" },
        { "email with an empty local part", s => s.EmailAddresses = ["@example.com"], "spec.emailAddresses[0]", "invalid email address" },
        { "IPv4 with a port", s => s.IpAddresses = ["10.0.0.1:443"], "spec.ipAddresses[0]", "invalid IP address" },
        { "bracketed IPv6 with a port", s => s.IpAddresses = ["[::1]:443"], "spec.ipAddresses[0]", "invalid IP address" },
        { "email formatted with mailto", s => s.EmailAddresses = ["mailto:alice@example.com"], "spec.emailAddresses[0]", "invalid email address" },
        { "revision history limit == 1", s => s.RevisionHistoryLimit = 1, null, null },
        { "revision history limit < 1", s => s.RevisionHistoryLimit = 0, "spec.revisionHistoryLimit", "must not be less than 1" },
        { "empty secretTemplate", s => s.SecretTemplate = new CertificateSecretTemplate(), null, null },
        {
            "secretTemplate labels and annotations",
            s => s.SecretTemplate = new() { Labels = new() { ["environment"] = "test" }, Annotations = new() { ["my-annotation.com/foo"] = "bar", ["cert-manager.io/allow-direct-injection"] = "true" } },
            null, null
        },
        {
            "disallowed secretTemplate annotations", s => s.SecretTemplate = new() { Annotations = new() { ["cert-manager.io/alt-names"] = "x" } },
            "spec.secretTemplate.annotations", "cert-manager.io/* annotations are not allowed"
        },
        { "not allowed secretTemplate label key", s => s.SecretTemplate = new() { Labels = new() { ["app.com/invalid-chars-@@@@"] = "x" } }, "spec.secretTemplate.labels", "label key" },
        { "not allowed secretTemplate label value", s => s.SecretTemplate = new() { Labels = new() { ["app"] = "spaces are bad" } }, "spec.secretTemplate.labels.app", "label value" },
        { "valid with name constraints", s => (s.IsCA, s.NameConstraints) = (true, new() { Permitted = new() { DnsDomains = ["example.com"] } }), null, null },
        { "name constraints without isCA", s => s.NameConstraints = new() { Permitted = new() { DnsDomains = ["example.com"] } }, "spec.nameConstraints", "isCA should be true when nameConstraints is set" },
        { "name constraints with neither permitted nor excluded", s => (s.IsCA, s.NameConstraints) = (true, new()), "spec.nameConstraints", "either permitted or excluded must be set" },
        { "valid name constraints ipRanges", s => (s.IsCA, s.NameConstraints) = (true, new() { Excluded = new() { IpRanges = ["10.10.0.0/16", "2001:db8::/32"] } }), null, null },
        { "invalid name constraints ipRanges", s => (s.IsCA, s.NameConstraints) = (true, new() { Permitted = new() { IpRanges = ["10.10.0.0/16", "10.10.0.0/33"] } }), "spec.nameConstraints.permitted.ipRanges[1]", "invalid CIDR address" },
        { "name constraints ipRange without prefix", s => (s.IsCA, s.NameConstraints) = (true, new() { Excluded = new() { IpRanges = ["10.0.0.1"] } }), "spec.nameConstraints.excluded.ipRanges[0]", "invalid CIDR address" },
        { "one additional output format", s => s.AdditionalOutputFormats = [new() { Type = "DER" }], null, null },
        { "two unique output formats", s => s.AdditionalOutputFormats = [new() { Type = "DER" }, new() { Type = "CombinedPEM" }], null, null },
        { "duplicate output formats", s => s.AdditionalOutputFormats = [new() { Type = "DER" }, new() { Type = "DER" }], "spec.additionalOutputFormats[type]", "Duplicate value: \"DER\"" },
        { "unknown output format", s => s.AdditionalOutputFormats = [new() { Type = "PFX" }], "spec.additionalOutputFormats[0].type", "supported values: \"DER\", \"CombinedPEM\"" },
        { "literalSubject alone", s => (s.DnsNames, s.LiteralSubject) = (null, "CN=web,O=Example,C=DE"), null, null },
        { "literalSubject with special characters and DCs", s => s.LiteralSubject = "CN=foo\\,bar+UID=x,DC=corp,DC=example,DC=com,2.5.4.42=Ada", null, null },
        { "literalSubject without CN and no SANs", s => (s.DnsNames, s.LiteralSubject) = (null, "O=Example,C=DE"), "spec", "at least one of commonName (from the commonName field or from a literalSubject)" },
        { "literalSubject and a Subject", s => (s.LiteralSubject, s.Subject) = ("CN=web", new() { Organizations = ["x"] }), "spec.subject", "When providing a `LiteralSubject` no `Subject` properties may be provided." },
        { "literalSubject and only a Subject.SerialNumber", s => (s.LiteralSubject, s.Subject) = ("CN=web", new() { SerialNumber = "1" }), "spec.subject", "no `Subject` properties may be provided" },
        { "literalSubject and a commonName", s => (s.LiteralSubject, s.CommonName) = ("CN=web", "web"), "spec.commonName", "When providing a `LiteralSubject` no `commonName` may be provided." },
        { "literalSubject with an unknown attribute", s => s.LiteralSubject = "CN=web,FOO=bar", "spec.literalSubject", "unrecognized attribute \"FOO\"" },
        { "literalSubject without '='", s => s.LiteralSubject = "just text", "spec.literalSubject", "has no '='" },
        { "literalSubject CN longer than 64", s => s.LiteralSubject = "CN=" + new string('a', 65), "spec.commonName", "may not be more than 64 bytes" },
        { "JKS with a password Secret", s => s.Keystores = new() { Jks = new() { Create = true, PasswordSecretRef = new() { Name = "pw", Key = "password" } } }, null, null },
        { "JKS without a password", s => s.Keystores = new() { Jks = new() { Create = true } }, "spec.keystores.jks", "must set exactly one of passwordSecretRef and password for JKS keystores" },
        { "PKCS12 without a password", s => s.Keystores = new() { Pkcs12 = new() { Create = true } }, "spec.keystores.pkcs12", "must set exactly one of passwordSecretRef and password for PKCS#12 keystores" },
        { "JKS with both passwords", s => s.Keystores = new() { Jks = new() { Create = true, Password = "pw", PasswordSecretRef = new() { Name = "pw" } } }, "spec.keystores.jks", "cannot set both" },
        { "PKCS12 with an empty literal password", s => s.Keystores = new() { Pkcs12 = new() { Create = true, Password = "" } }, "spec.keystores.pkcs12.password", "literal password cannot be empty" },
        { "PKCS12 with a literal password", s => s.Keystores = new() { Pkcs12 = new() { Create = true, Password = "changeit", Profile = "Modern2026" } }, null, null },
        { "signature algorithm of another key type", s => s.SignatureAlgorithm = "ECDSAWithSHA256", "spec.signatureAlgorithm", "for key algorithm RSA the allowed signature algorithms are [SHA256WithRSA SHA384WithRSA SHA512WithRSA]" },
        { "signature algorithm fitting the key", s => (s.PrivateKey, s.SignatureAlgorithm) = (new() { Algorithm = "ECDSA" }, "ECDSAWithSHA384"), null, null },
        { "PKCS12 unknown profile", s => s.Keystores = new() { Pkcs12 = new() { Create = true, PasswordSecretRef = new() { Name = "pw" }, Profile = "Modern2099" } }, "spec.keystores.pkcs12.profile", "Unsupported value" },
        { "otherNames with a UPN", s => (s.DnsNames, s.OtherNames) = (null, [new() { Oid = "1.3.6.1.4.1.311.20.2.3", Utf8Value = "upn@example.local" }]), null, null },
        { "otherName without oid", s => s.OtherNames = [new() { Utf8Value = "x" }], "spec.otherNames[0].oid", "must be specified" },
        { "otherName with a malformed oid", s => s.OtherNames = [new() { Oid = "1.3.six", Utf8Value = "x" }], "spec.otherNames[0].oid", "invalid oid syntax" },
        { "otherName without utf8Value", s => s.OtherNames = [new() { Oid = "1.2.3" }], "spec.otherNames[0].utf8Value", "must be set to a valid non-empty UTF8 string" },
        { "subject organization of 64", s => s.Subject = new() { Organizations = [new string('o', 64)] }, null, null },
        { "subject organization longer than 64", s => s.Subject = new() { Organizations = ["ok", new string('o', 65)] }, "spec.subject.organizations[1]", "may not be more than 64 characters" },
        { "subject locality longer than 128", s => s.Subject = new() { Localities = [new string('l', 129)] }, "spec.subject.localities[0]", "may not be more than 128 characters" },
        { "subject postal code longer than 40", s => s.Subject = new() { PostalCodes = [new string('1', 41)] }, "spec.subject.postalCodes[0]", "may not be more than 40 characters" },
        { "subject serialNumber longer than 64", s => s.Subject = new() { SerialNumber = new string('1', 65) }, "spec.subject.serialNumber", "may not be more than 64 characters" },
        { "subject country of three letters", s => s.Subject = new() { Countries = ["DEU"] }, "spec.subject.countries[0]", "two-letter ISO 3166 country code" },
        { "subject countries of two letters", s => s.Subject = new() { Countries = ["DE", "us"] }, null, null },
        { "wildcard DNS name", s => s.DnsNames = ["*.example.com"], null, null },
        { "DNS name with an empty label", s => s.DnsNames = ["ok.example.com", "a..example.com"], "spec.dnsNames[1]", "has an empty label" },
        { "DNS name with a trailing dot", s => s.DnsNames = ["example.com."], "spec.dnsNames[0]", "has an empty label" },
        { "wildcard not leftmost", s => s.DnsNames = ["www.*.example.com"], "spec.dnsNames[0]", "'*' is allowed only as the whole leftmost label" },
        { "partial wildcard label", s => s.DnsNames = ["w*.example.com"], "spec.dnsNames[0]", "'*' is allowed only as the whole leftmost label" },
        { "DNS name with a space", s => s.DnsNames = ["my host.example.com"], "spec.dnsNames[0]", "contains whitespace" },
        { "one label longer than 63, valid to cert-manager's webhook but not to DNS", s => s.DnsNames = ["this-is-a-big-long-string-which-is-exactly-sixty-five-characters-long"], "spec.dnsNames[0]", "a DNS label has at most 63" },
        { "label of 64 characters", s => s.DnsNames = [new string('a', 64) + ".example.com"], "spec.dnsNames[0]", "a DNS label has at most 63" },
        { "label of 63 characters", s => s.DnsNames = [new string('a', 63) + ".example.com"], null, null },
        { "DNS name longer than 253", s => s.DnsNames = [string.Join('.', Enumerable.Repeat(new string('a', 63), 4))], "spec.dnsNames[0]", "a DNS name has at most 253" },
        { "label starting with a hyphen", s => s.DnsNames = ["-web.example.com"], "spec.dnsNames[0]", "start and end with a letter or digit" },
        { "label with an underscore", s => s.DnsNames = ["my_host.example.com"], "spec.dnsNames[0]", "must consist of letters, digits and '-'" },
        { "Unicode name is refused with its punycode form", s => s.DnsNames = ["bücher.example"], "spec.dnsNames[0]", "xn--bcher-kva.example" },
        { "punycode name", s => s.DnsNames = ["xn--bcher-kva.example"], null, null },
        { "upper-case DNS name", s => s.DnsNames = ["WWW.Example.COM"], null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Certificate_spec(string name, Action<CertificateSpec> configure, string? field, string? fragment)
    {
        var certificate = Gen.Certificate(spec: configure);

        Expect.Outcome(CertificateValidation.Validate(certificate.Spec), name, field, fragment);
    }

    [Fact]
    public void An_RSA_size_cert_manager_accepts_but_this_build_cannot_generate_is_refused_before_issuing()
    {
        var spec = Gen.Certificate(spec: s => s.PrivateKey = new() { Algorithm = "RSA", Size = 2049 }).Spec;

        CertificateValidation.Validate(spec).Should().BeEmpty("cert-manager accepts any RSA size from 2048 to 8192");
        CertificateValidation.ValidateIssuable(spec).Should().ContainSingle().Which.Field.Should().Be("spec.privateKey.size");
        CertificateValidation.ValidateIssuable(Gen.Certificate(spec: s => s.PrivateKey = new() { Algorithm = "Ed25519" }).Spec).Should().BeEmpty();
    }
}
