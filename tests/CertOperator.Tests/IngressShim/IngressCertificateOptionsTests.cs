using CertOperator.Crds.Certificates;
using CertOperator.IngressShim;

namespace CertOperator.Tests.IngressShim;

public sealed class IngressCertificateOptionsTests
{
    public static TheoryData<string, string, string, Func<CertificateSpec, object?>, object?> Valid => new()
    {
        { "common name", "cert-manager.io/common-name", "web.example.test", s => s.CommonName, "web.example.test" },
        { "email sans", "cert-manager.io/email-sans", "a@example.test, b@example.test", s => s.EmailAddresses, new[] { "a@example.test", "b@example.test" } },
        { "duration", "cert-manager.io/duration", "2160h", s => s.Duration, "2160h" },
        { "renew before", "cert-manager.io/renew-before", "1h30m", s => s.RenewBefore, "1h30m" },
        { "renew before percentage", "cert-manager.io/renew-before-percentage", "25", s => s.RenewBeforePercentage, 25 },
        { "revision history limit", "cert-manager.io/revision-history-limit", "3", s => s.RevisionHistoryLimit, 3 },
        { "usages", "cert-manager.io/usages", "digital signature,key encipherment,server auth", s => s.Usages, new[] { "digital signature", "key encipherment", "server auth" } },
        { "usages with spaces after commas", "cert-manager.io/usages", "server auth, client auth", s => s.Usages, new[] { "server auth", "client auth" } },
        { "key algorithm", "cert-manager.io/private-key-algorithm", "ECDSA", s => s.PrivateKey!.Algorithm, "ECDSA" },
        { "key algorithm in any case", "cert-manager.io/private-key-algorithm", "ed25519", s => s.PrivateKey!.Algorithm, "Ed25519" },
        { "key size", "cert-manager.io/private-key-size", "4096", s => s.PrivateKey!.Size, 4096 },
        { "key encoding", "cert-manager.io/private-key-encoding", "PKCS8", s => s.PrivateKey!.Encoding, "PKCS8" },
        { "key rotation", "cert-manager.io/private-key-rotation-policy", "Never", s => s.PrivateKey!.RotationPolicy, "Never" },
        { "organizations", "cert-manager.io/subject-organizations", "Acme,Globex", s => s.Subject!.Organizations, new[] { "Acme", "Globex" } },
        { "quoted organization with a comma", "cert-manager.io/subject-organizations", "\"Acme, Inc\",Globex", s => s.Subject!.Organizations, new[] { "Acme, Inc", "Globex" } },
        { "organizational units", "cert-manager.io/subject-organizationalunits", "ops", s => s.Subject!.OrganizationalUnits, new[] { "ops" } },
        { "countries", "cert-manager.io/subject-countries", "DE,FR", s => s.Subject!.Countries, new[] { "DE", "FR" } },
        { "provinces", "cert-manager.io/subject-provinces", "Bavaria", s => s.Subject!.Provinces, new[] { "Bavaria" } },
        { "localities", "cert-manager.io/subject-localities", "Munich", s => s.Subject!.Localities, new[] { "Munich" } },
        { "postal codes", "cert-manager.io/subject-postalcodes", "80331", s => s.Subject!.PostalCodes, new[] { "80331" } },
        { "street addresses", "cert-manager.io/subject-streetaddresses", "Marienplatz 1", s => s.Subject!.StreetAddresses, new[] { "Marienplatz 1" } },
        { "serial number", "cert-manager.io/subject-serialnumber", "1234", s => s.Subject!.SerialNumber, "1234" },
        {
            "secret template",
            "cert-manager.io/secret-template", "{\"labels\":{\"app\":\"web\"},\"annotations\":{\"team\":\"a\"}}",
            s => (s.SecretTemplate!.Labels!["app"], s.SecretTemplate.Annotations!["team"]), ("web", "a")
        },
        { "unrelated annotation changes nothing", "example.com/other", "x", s => (s.PrivateKey, s.Subject, s.Usages), (null as CertificatePrivateKey, null as X509Subject, null as List<string>) },
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
        { "key size not a number", "cert-manager.io/private-key-size", "abc", "2048, 4096 or 8192" },
        { "key size negative", "cert-manager.io/private-key-size", "-1", "key size in bits" },
        { "key algorithm unknown", "cert-manager.io/private-key-algorithm", "DSA", "accepted values: RSA, ECDSA, Ed25519" },
        { "key encoding unknown", "cert-manager.io/private-key-encoding", "DER", "accepted values: PKCS1, PKCS8" },
        { "rotation policy unknown", "cert-manager.io/private-key-rotation-policy", "Sometimes", "accepted values: Never, Always" },
        { "duration not a Go duration", "cert-manager.io/duration", "90d", "\"2160h\"" },
        { "renew before not a Go duration", "cert-manager.io/renew-before", "foo", "is not a Go duration" },
        { "renew before percentage too big", "cert-manager.io/renew-before-percentage", "100", "1 to 99" },
        { "renew before percentage not a number", "cert-manager.io/renew-before-percentage", "half", "1 to 99" },
        { "revision history limit zero", "cert-manager.io/revision-history-limit", "0", "at least 1" },
        { "unknown usage", "cert-manager.io/usages", "server auth,teleport", "\"teleport\" is not a key usage; accepted values: digital signature" },
        { "secret template not JSON", "cert-manager.io/secret-template", "{labels: x", "not valid JSON" },
        { "secret template wrong shape", "cert-manager.io/secret-template", "{\"labels\":[1]}", "not valid JSON" },
        { "secret template null", "cert-manager.io/secret-template", "null", "is not a JSON object" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Names_the_annotation_and_what_it_accepts(string name, string annotation, string value, string accepted)
    {
        var errors = new List<string>();

        IngressCertificateOptions.Apply(new Dictionary<string, string> { [annotation] = value }, new CertificateSpec(), errors);

        errors.Should().ContainSingle(name).Which.Should().StartWith(annotation, name).And.Contain(accepted, name);
    }

    public static TheoryData<string, string, string[]> Lists => new()
    {
        { "single", "a", ["a"] },
        { "trims", " a , b ", ["a", "b"] },
        { "drops empties", "a,,b,", ["a", "b"] },
        { "quoted comma", "\"a,b\",c", ["a,b", "c"] },
        { "empty", "", [] },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Splits_lists_like_csv(string name, string text, string[] expected)
    {
        IngressCertificateOptions.SplitList(text).Should().Equal(expected, name);
    }
}
