using CertOperator.Crds.Certificates;
using CertOperator.IngressShim;

namespace CertOperator.Tests.IngressShim;

/// <summary>
/// cert-manager v1.21.1 pkg/controller/certificate-shim/helper_test.go, Test_translateAnnotations (23 rows),
/// against <see cref="IngressCertificateOptions.Apply"/>. Each key is the cert-manager case name.
/// </summary>
public sealed class CertManagerTranslateAnnotationsTests
{
    private const string Addresses = "\"1725 Slough Avenue, Suite 200, Scranton Business Park\",\"1800 Slough Avenue, Suite 200, Scranton Business Park\"";

    /// <summary>cert-manager's validAnnotations(): every row that expects an error breaks exactly one of these.</summary>
    private static Dictionary<string, string> Valid() => new()
    {
        ["cert-manager.io/common-name"] = "www.example.com",
        ["cert-manager.io/duration"] = "168h",
        ["cert-manager.io/renew-before"] = "24h",
        ["cert-manager.io/usages"] = "server auth,signing",
        ["cert-manager.io/revision-history-limit"] = "7",
        ["cert-manager.io/email-sans"] = "test@example.com",
        ["cert-manager.io/subject-organizations"] = "Test Organization",
        ["cert-manager.io/subject-organizationalunits"] = "Test Organizational Unit",
        ["cert-manager.io/subject-countries"] = "Country",
        ["cert-manager.io/subject-provinces"] = "Province",
        ["cert-manager.io/subject-localities"] = "City",
        ["cert-manager.io/subject-streetaddresses"] = Addresses,
        ["cert-manager.io/subject-postalcodes"] = "ABC123",
        ["cert-manager.io/subject-serialnumber"] = "123456",
    };

    /// <summary>The private-key rows' annotations; Ed25519 has no size.</summary>
    private static Dictionary<string, string> Key(string algorithm, string encoding, string? size)
    {
        var annotations = new Dictionary<string, string>
        {
            ["cert-manager.io/common-name"] = "www.example.com",
            ["cert-manager.io/duration"] = "168h",
            ["cert-manager.io/renew-before"] = "24h",
            ["cert-manager.io/usages"] = "server auth,signing",
            ["cert-manager.io/private-key-algorithm"] = algorithm,
            ["cert-manager.io/private-key-encoding"] = encoding,
            ["cert-manager.io/private-key-rotation-policy"] = "Always",
        };
        if (size is not null)
        {
            annotations["cert-manager.io/private-key-size"] = size;
        }

        return annotations;
    }

    private static readonly Dictionary<string, (Dictionary<string, string>? Annotations, Action<CertificateSpec>? Check)> Successes = new()
    {
        ["success"] = (Valid(), s =>
        {
            (s.CommonName, s.Duration, s.RenewBefore, s.RevisionHistoryLimit).Should().Be(("www.example.com", "168h0m0s", "24h0m0s", 7));
            s.Usages.Should().Equal("server auth", "signing");
            s.Subject!.SerialNumber.Should().Be("123456");
            s.Subject.StreetAddresses.Should().Equal("1725 Slough Avenue, Suite 200, Scranton Business Park", "1800 Slough Avenue, Suite 200, Scranton Business Park");
        }),
        ["success renew before pct"] = (new(Key("RSA", "PKCS1", "2048")) { ["cert-manager.io/renew-before-percentage"] = "50" }, s =>
        {
            (s.Duration, s.RenewBeforePercentage).Should().Be(("168h0m0s", 50));
            s.PrivateKey.Should().BeEquivalentTo(new CertificatePrivateKey { Algorithm = "RSA", Encoding = "PKCS1", Size = 2048, RotationPolicy = "Always" });
        }),
        ["success rsa private key algorithm"] = (Key("RSA", "PKCS1", "2048"), s =>
            s.PrivateKey.Should().BeEquivalentTo(new CertificatePrivateKey { Algorithm = "RSA", Encoding = "PKCS1", Size = 2048, RotationPolicy = "Always" })),
        ["success ecdsa private key algorithm"] = (Key("ECDSA", "PKCS1", "256"), s =>
            s.PrivateKey.Should().BeEquivalentTo(new CertificatePrivateKey { Algorithm = "ECDSA", Encoding = "PKCS1", Size = 256, RotationPolicy = "Always" })),
        ["success ed25519 private key algorithm"] = (Key("Ed25519", "PKCS8", null), s =>
            s.PrivateKey.Should().BeEquivalentTo(new CertificatePrivateKey { Algorithm = "Ed25519", Encoding = "PKCS8", RotationPolicy = "Always" })),
        ["nil annotations"] = (null, s => s.Should().BeEquivalentTo(new CertificateSpec { Usages = ["digital signature", "key encipherment"] })),
        ["empty annotations"] = ([], s => s.Should().BeEquivalentTo(new CertificateSpec { Usages = ["digital signature", "key encipherment"] })),
    };

    private static readonly Dictionary<string, (string Key, string Value, string? Algorithm)> Failures = new()
    {
        ["bad duration"] = ("cert-manager.io/duration", "an un-parsable duration string", null),
        ["bad renewBefore"] = ("cert-manager.io/renew-before", "an un-parsable duration string", null),
        ["bad renewBeforePercentage"] = ("cert-manager.io/renew-before-percentage", "an un-parsable integer", null),
        ["bad usages"] = ("cert-manager.io/usages", "playing ping pong", null),
        ["bad usage list"] = ("cert-manager.io/usages", "server auth,,signing", null),
        ["bad revision history limit"] = ("cert-manager.io/revision-history-limit", "invalid revision history limit", null),
        ["zero revision history limit"] = ("cert-manager.io/revision-history-limit", "0", null),
        ["bad private key algorithm"] = ("cert-manager.io/private-key-algorithm", "invalid private key algorithm", null),
        ["bad private key encoding"] = ("cert-manager.io/private-key-encoding", "invalid private key encoding", null),
        ["bad private key rotation policy"] = ("cert-manager.io/private-key-rotation-policy", "invalid private key rotation policy", null),
        ["bad private key size"] = ("cert-manager.io/private-key-size", "invalid private key size", null),
        ["zero private key size"] = ("cert-manager.io/private-key-size", "0", null),
        ["bad private key size for rsa"] = ("cert-manager.io/private-key-size", "1024", "RSA"),
        ["bad private key size for ecdsa"] = ("cert-manager.io/private-key-size", "128", "ECDSA"),
        ["bad street addresses"] = ("cert-manager.io/subject-streetaddresses", "invalid csv\",", null),
    };

    public static TheoryData<string> SuccessNames => new(Successes.Keys);

    public static TheoryData<string> FailureNames => new(Failures.Keys);

    [Fact]
    public void Every_row_of_cert_managers_table_is_ported()
    {
        (Successes.Count + Failures.Count + 1).Should().Be(23, "the extra row is \"nil certificate\"");
    }

    [Theory]
    [MemberData(nameof(SuccessNames))]
    public void Reproduces_a_successful_translation(string name)
    {
        var (annotations, check) = Successes[name];
        var spec = new CertificateSpec();
        var errors = new List<string>();

        IngressCertificateOptions.Apply(annotations ?? [], spec, errors);

        errors.Should().BeEmpty();
        check!(spec);
    }

    [Theory]
    [MemberData(nameof(FailureNames))]
    public void Reproduces_a_refused_annotation(string name)
    {
        var (key, value, algorithm) = Failures[name];
        var annotations = Valid();
        annotations[key] = value;
        if (algorithm is not null)
        {
            annotations["cert-manager.io/private-key-algorithm"] = algorithm;
        }

        var errors = new List<string>();
        IngressCertificateOptions.Apply(annotations, new CertificateSpec(), errors);

        errors.Should().ContainSingle().Which.Should().StartWith($"{key}: ");
    }

    /// <summary>cert-manager's "nil certificate" row: a missing spec is a programming error, not a user's.</summary>
    [Fact]
    public void Nil_certificate()
    {
        var apply = () => IngressCertificateOptions.Apply(Valid(), null!, []);

        apply.Should().Throw<ArgumentNullException>();
    }
}
