using CertOperator.Crds.Certificates;
using CertOperator.IngressShim;

namespace CertOperator.Tests.IngressShim;

/// <summary>Our own cases for the tuning annotations, beyond cert-manager's table: each annotation's effect and each refusal's message.</summary>
public sealed class IngressCertificateOptionsTests
{
    public static TheoryData<string, string, string, Func<CertificateSpec, object?>, object?> Valid => new()
    {
        { "common name", "cert-manager.io/common-name", "web.example.test", s => s.CommonName, "web.example.test" },
        { "alt names", "cert-manager.io/alt-names", "a.example.test,*.b.example.test", s => s.DnsNames, new[] { "a.example.test", "*.b.example.test" } },
        { "ip sans", "cert-manager.io/ip-sans", "10.0.0.1,2001:db8::1", s => s.IpAddresses, new[] { "10.0.0.1", "2001:db8::1" } },
        { "empty ip sans add nothing", "cert-manager.io/ip-sans", "", s => s.IpAddresses, null },
        { "email sans", "cert-manager.io/email-sans", "a@example.test,b@example.test", s => s.EmailAddresses, new[] { "a@example.test", "b@example.test" } },
        { "duration in Go's form", "cert-manager.io/duration", "2160h", s => s.Duration, "2160h0m0s" },
        { "renew before in Go's form", "cert-manager.io/renew-before", "90m", s => s.RenewBefore, "1h30m0s" },
        { "renew before percentage", "cert-manager.io/renew-before-percentage", "25", s => s.RenewBeforePercentage, 25 },
        { "usages trimmed of spaces", "cert-manager.io/usages", "server auth, client auth", s => s.Usages, new[] { "server auth", "client auth" } },
        { "usages default when absent", "example.com/other", "x", s => s.Usages, new[] { "digital signature", "key encipherment" } },
        { "key size checked as RSA when no algorithm is set", "cert-manager.io/private-key-size", "4096", s => s.PrivateKey!.Size, 4096 },
        { "quoted organization with a comma", "cert-manager.io/subject-organizations", "\"Acme, Inc\",Globex", s => s.Subject!.Organizations, new[] { "Acme, Inc", "Globex" } },
        { "subject values keep their spaces, as Go's csv does", "cert-manager.io/subject-organizations", "Acme, Globex", s => s.Subject!.Organizations, new[] { "Acme", " Globex" } },
        { "serial number", "cert-manager.io/subject-serialnumber", "1234", s => s.Subject!.SerialNumber, "1234" },
        { "secret template with nothing in it sets nothing", "cert-manager.io/secret-template", "{\"labels\":{}}", s => s.SecretTemplate, null },
        { "unrelated annotation changes nothing", "example.com/other", "x", s => (s.PrivateKey, s.Subject, s.SecretTemplate), (null as CertificatePrivateKey, null as X509Subject, null as CertificateSecretTemplate) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Applies_annotations_to_the_spec(string name, string annotation, string value, Func<CertificateSpec, object?> field, object? expected)
    {
        var spec = new CertificateSpec();
        var errors = new List<string>();

        IngressCertificateOptions.Apply(new Dictionary<string, string> { [annotation] = value }, spec, errors);

        errors.Should().BeEmpty(name);
        field(spec).Should().BeEquivalentTo(expected, name);
    }

    public static TheoryData<string, string, string, string> Invalid => new()
    {
        { "key algorithm in lower case", "cert-manager.io/private-key-algorithm", "ed25519", "accepted values (exact case): RSA, ECDSA, Ed25519" },
        { "RSA key too small", "cert-manager.io/private-key-size", "1024", "from 2048 to 8192" },
        { "key encoding unknown", "cert-manager.io/private-key-encoding", "DER", "PKCS1, PKCS8" },
        { "duration not a Go duration", "cert-manager.io/duration", "90d", "\"2160h\"" },
        { "revision history limit zero", "cert-manager.io/revision-history-limit", "0", "at least 1" },
        { "empty usage between commas", "cert-manager.io/usages", "server auth,,signing", "\"\" is not a key usage" },
        { "unknown usage", "cert-manager.io/usages", "server auth,teleport", "\"teleport\" is not a key usage" },
        { "ip sans with a host name", "cert-manager.io/ip-sans", "10.0.0.1,example.test", "\"example.test\": not an IP address" },
        { "ip sans with a space", "cert-manager.io/ip-sans", "10.0.0.1, 10.0.0.2", "\" 10.0.0.2\": not an IP address" },
        { "email sans with a space", "cert-manager.io/email-sans", "a@example.test, b@example.test", "\" b@example.test\"" },
        { "empty email sans", "cert-manager.io/email-sans", "", "\"\": invalid email address" },
        { "alt names with a bad name", "cert-manager.io/alt-names", "www.*.example.test", "'*' is allowed only as the whole leftmost label" },
        { "street address with a stray quote", "cert-manager.io/subject-streetaddresses", "invalid csv\",", "may only open and close a whole value" },
        { "unclosed quote", "cert-manager.io/subject-organizations", "\"Acme, Inc", "not closed" },
        { "empty organizations", "cert-manager.io/subject-organizations", "", "no values found" },
        { "two lines of localities", "cert-manager.io/subject-localities", "Munich\nBerlin", "more than one line" },
        { "secret template not JSON", "cert-manager.io/secret-template", "{labels: x", "not valid JSON" },
        { "secret template wrong shape", "cert-manager.io/secret-template", "{\"labels\":[1]}", "must be an object of string values" },
        { "secret template a list", "cert-manager.io/secret-template", "[]", "is not an object" },
        { "secret template unknown field", "cert-manager.io/secret-template", "{\"label\":{\"a\":\"b\"}}", "unknown field \"label\"" },
        { "secret template cert-manager annotation", "cert-manager.io/secret-template", "{\"annotations\":{\"cert-manager.io/x\":\"y\"}}", "\"cert-manager.io/x\" is refused" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Names_the_annotation_and_what_it_accepts(string name, string annotation, string value, string accepted)
    {
        var errors = new List<string>();

        IngressCertificateOptions.Apply(new Dictionary<string, string> { [annotation] = value }, new CertificateSpec(), errors);

        errors.Should().ContainSingle(name).Which.Should().StartWith(annotation, name).And.Contain(accepted, name);
    }

    public static TheoryData<string, string, string[]> Csv => new()
    {
        { "single", "a", ["a"] },
        { "keeps spaces", " a , b ", [" a ", " b "] },
        { "keeps empty values", "a,,b,", ["a", "", "b", ""] },
        { "quoted comma", "\"a,b\",c", ["a,b", "c"] },
        { "doubled quote inside quotes", "\"say \"\"hi\"\"\"", ["say \"hi\""] },
        { "trailing newline", "a,b\n", ["a", "b"] },
    };

    [Theory]
    [MemberData(nameof(Csv))]
    public void Splits_subject_lists_like_gos_csv(string name, string text, string[] expected)
    {
        var (values, problem) = IngressCsv.Split(text);

        problem.Should().BeNull(name);
        values.Should().Equal(expected, name);
    }
}
