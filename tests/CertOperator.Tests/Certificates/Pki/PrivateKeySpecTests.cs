using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;

namespace CertOperator.Tests.Certificates.Pki;

public sealed class PrivateKeySpecTests
{
    private static CertificatePrivateKey Key(string? algorithm = null, int? size = null, string? encoding = null, string? rotation = null) =>
        new() { Algorithm = algorithm, Size = size, Encoding = encoding, RotationPolicy = rotation };

    private static readonly Dictionary<string, (CertificatePrivateKey? Key, PrivateKeySpec Expected)> ValidCases = new()
    {
        ["unset privateKey is RSA 2048 PKCS1, rotated"] = (null, new(KeyAlgorithm.Rsa, 2048, KeyEncoding.Pkcs1, true)),
        ["empty privateKey"] = (Key(), new(KeyAlgorithm.Rsa, 2048, KeyEncoding.Pkcs1, true)),
        ["RSA without size"] = (Key("RSA"), new(KeyAlgorithm.Rsa, 2048, KeyEncoding.Pkcs1, true)),
        ["RSA size zero is the default"] = (Key("RSA", 0), new(KeyAlgorithm.Rsa, 2048, KeyEncoding.Pkcs1, true)),
        ["RSA negative size is the default, as in cert-manager"] = (Key("RSA", -1), new(KeyAlgorithm.Rsa, 2048, KeyEncoding.Pkcs1, true)),
        ["RSA 2048"] = (Key("RSA", 2048), new(KeyAlgorithm.Rsa, 2048, KeyEncoding.Pkcs1, true)),
        ["RSA 3072 inside the range"] = (Key("RSA", 3072), new(KeyAlgorithm.Rsa, 3072, KeyEncoding.Pkcs1, true)),
        ["RSA 4096"] = (Key("RSA", 4096), new(KeyAlgorithm.Rsa, 4096, KeyEncoding.Pkcs1, true)),
        ["RSA 8192"] = (Key("RSA", 8192), new(KeyAlgorithm.Rsa, 8192, KeyEncoding.Pkcs1, true)),
        ["ECDSA without size"] = (Key("ECDSA"), new(KeyAlgorithm.Ecdsa, 256, KeyEncoding.Pkcs1, true)),
        ["ECDSA 256"] = (Key("ECDSA", 256), new(KeyAlgorithm.Ecdsa, 256, KeyEncoding.Pkcs1, true)),
        ["ECDSA 384"] = (Key("ECDSA", 384), new(KeyAlgorithm.Ecdsa, 384, KeyEncoding.Pkcs1, true)),
        ["ECDSA 521"] = (Key("ECDSA", 521), new(KeyAlgorithm.Ecdsa, 521, KeyEncoding.Pkcs1, true)),
        ["PKCS8 encoding"] = (Key(encoding: "PKCS8"), new(KeyAlgorithm.Rsa, 2048, KeyEncoding.Pkcs8, true)),
        ["explicit PKCS1 encoding"] = (Key("ECDSA", encoding: "PKCS1"), new(KeyAlgorithm.Ecdsa, 256, KeyEncoding.Pkcs1, true)),
        ["rotation Never"] = (Key(rotation: "Never"), new(KeyAlgorithm.Rsa, 2048, KeyEncoding.Pkcs1, false)),
        ["Ed25519 has no size to choose"] = (Key("Ed25519"), new(KeyAlgorithm.Ed25519, 256, KeyEncoding.Pkcs1, true)),
        ["Ed25519 ignores a size, as cert-manager does"] = (Key("Ed25519", 4096), new(KeyAlgorithm.Ed25519, 256, KeyEncoding.Pkcs1, true)),
        ["rotation Always"] = (Key(rotation: "Always"), new(KeyAlgorithm.Rsa, 2048, KeyEncoding.Pkcs1, true)),
    };

    public static TheoryData<string> Valid => PkiFixtures.Names(ValidCases);

    [Theory]
    [MemberData(nameof(Valid))]
    public void Resolves_defaults_and_accepted_values(string name)
    {
        var (key, expected) = ValidCases[name];

        var result = PrivateKeySpec.Resolve(key);

        result.Error.Should().BeNull(name);
        result.Value.Should().Be(expected, name);
    }

    public static TheoryData<string, CertificatePrivateKey, string, string, string> Invalid => new()
    {
        { "RSA below 2048", Key("RSA", 1024), "spec.privateKey.size", PkiError.InvalidPrivateKeySpec, "4096" },
        { "RSA above 8192", Key("RSA", 16384), "spec.privateKey.size", PkiError.InvalidPrivateKeySpec, "8192" },
        { "RSA not whole bytes", Key("RSA", 2049), "spec.privateKey.size", PkiError.InvalidPrivateKeySpec, "2048" },
        { "ECDSA 224", Key("ECDSA", 224), "spec.privateKey.size", PkiError.InvalidPrivateKeySpec, "384" },
        { "ECDSA with an RSA size", Key("ECDSA", 2048), "spec.privateKey.size", PkiError.InvalidPrivateKeySpec, "521" },
        { "lower-case algorithm", Key("rsa"), "spec.privateKey.algorithm", PkiError.InvalidPrivateKeySpec, "ECDSA" },
        { "unknown algorithm", Key("DSA"), "spec.privateKey.algorithm", PkiError.InvalidPrivateKeySpec, "Ed25519" },
        { "unknown encoding", Key(encoding: "DER"), "spec.privateKey.encoding", PkiError.InvalidPrivateKeySpec, "PKCS8" },
        { "unknown rotation policy", Key(rotation: "Sometimes"), "spec.privateKey.rotationPolicy", PkiError.InvalidPrivateKeySpec, "Never" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Rejects_invalid_values_naming_field_and_accepted_values(string name, CertificatePrivateKey key, string field, string reason, string accepted)
    {
        var result = PrivateKeySpec.Resolve(key);

        result.Ok.Should().BeFalse(name);
        result.Error!.Field.Should().Be(field, name);
        result.Error.Reason.Should().Be(reason, name);
        result.Error.Accepted.Should().Contain(accepted, name);
        result.Error.Message.Should().StartWith(field, name).And.Contain(accepted, name);
    }

}
