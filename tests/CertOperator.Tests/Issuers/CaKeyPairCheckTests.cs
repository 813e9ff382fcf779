using System.Text;
using CertOperator.Issuers;
using CertOperator.Tests.Certificates.Pki;

namespace CertOperator.Tests.Issuers;

public sealed class CaKeyPairCheckTests
{
    private static readonly DateTimeOffset Now = PkiFixtures.Now;
    private static readonly (string Cert, string Key) Ca = PkiFixtures.Ca;

    private static Dictionary<string, byte[]> Data(string? cert, string? key)
    {
        var data = new Dictionary<string, byte[]>();
        if (cert is not null)
        {
            data["tls.crt"] = Encoding.ASCII.GetBytes(cert);
        }

        if (key is not null)
        {
            data["tls.key"] = Encoding.ASCII.GetBytes(key);
        }

        return data;
    }

    private static readonly Dictionary<string, (Dictionary<string, byte[]>? Data, DateTimeOffset At, string? Reason, string? Fragment)> CaseTable = new()
    {
        ["usable CA"] = (Data(Ca.Cert, Ca.Key), Now, null, null),
        ["secret missing"] = (null, Now, "ErrGetKeyPair", "not found"),
        ["no tls.key"] = (Data(Ca.Cert, null), Now, "ErrGetKeyPair", "lacks tls.crt or tls.key"),
        ["garbage tls.crt"] = (Data("garbage", Ca.Key), Now, "ErrGetKeyPair", "no valid PEM CERTIFICATE"),
        ["garbage tls.key"] = (Data(Ca.Cert, "garbage"), Now, "ErrGetKeyPair", "not a usable private key"),
        ["key of another pair"] = (Data(Ca.Cert, PkiFixtures.RsaKeyPem), Now, "ErrInvalidKeyPair", "does not match"),
        ["leaf instead of a CA"] = (Data(Leaf(), PkiFixtures.RsaKeyPem), Now, "ErrInvalidKeyPair", "is not a CA"),
        ["before the CA is valid"] = (Data(Ca.Cert, Ca.Key), Now.AddDays(-2), "ErrInvalidKeyPair", "is not valid before"),
        ["after the CA expired"] = (Data(Ca.Cert, Ca.Key), Now.AddYears(11), "ErrInvalidKeyPair", "expired at"),
    };

    public static TheoryData<string> Cases => PkiFixtures.Names(CaseTable);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_the_reason_and_names_the_problem(string name)
    {
        var (data, at, reason, fragment) = CaseTable[name];

        var check = CaKeyPairCheck.Of(data, "cert-manager/ca", at);

        check.Reason.Should().Be(reason, name);
        if (fragment is null)
        {
            check.Problem.Should().BeNull(name);
            return;
        }

        check.Problem.Should().Contain(fragment, name).And.NotContain("-----BEGIN", name);
    }

    [Fact]
    public void A_usable_CA_is_checked_again_when_it_expires_and_a_future_one_when_it_starts()
    {
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(Ca.Cert);

        CaKeyPairCheck.Of(Data(Ca.Cert, Ca.Key), "ns/ca", Now).RecheckAt.Should().Be(new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
        CaKeyPairCheck.Of(Data(Ca.Cert, Ca.Key), "ns/ca", Now.AddDays(-2)).RecheckAt.Should().Be(new DateTimeOffset(certificate.NotBefore.ToUniversalTime()));
    }

    private static string Leaf()
    {
        var spec = PkiFixtures.Spec();
        return CertOperator.Certificates.Pki.Signer.SelfSign(PkiFixtures.Csr(spec, PkiFixtures.RsaKeyPem), PkiFixtures.RsaKeyPem, TimeSpan.FromDays(30), Now.AddDays(-1)).Value!.LeafPem;
    }
}
