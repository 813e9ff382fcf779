using CertOperator.Certificates.Pki;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;

namespace CertOperator.Tests.Certificates.Pki;

public sealed class RequestTermsTests
{
    private static readonly Dictionary<string, (Action<CertificateSpec> Csr, RequestTerms Terms, bool IsCA, string[] Usages)> IssuedCases = new()
    {
        ["matching terms"] = (_ => { }, new(false, null), false, ["digital signature", "key encipherment"]),
        ["terms supply usages the CSR left out"] = (s => s.EncodeUsagesInRequest = false, new(false, ["client auth"]), false, ["client auth"]),
        ["terms make a CA of a CSR without usages or basic constraints"] = (s => s.EncodeUsagesInRequest = false, new(true, null), true,
            ["digital signature", "key encipherment", "cert sign"]),
        ["usage order and aliases do not matter"] = (s => s.Usages = ["server auth", "signing"], new(false, ["digital signature", "server auth"]), false,
            ["digital signature", "server auth"]),
    };

    public static TheoryData<string> Issued => PkiFixtures.Names(IssuedCases);

    [Theory]
    [MemberData(nameof(Issued))]
    public void Request_terms_decide_the_ca_flag_and_usages(string name)
    {
        var (configure, terms, isCA, usages) = IssuedCases[name];
        var csr = PkiFixtures.Csr(PkiFixtures.Spec(configure), PkiFixtures.EcKeyPem);

        var signed = Signer.SignWithCa(csr, PkiFixtures.Ca.Cert, PkiFixtures.Ca.Key, TimeSpan.FromDays(1), PkiFixtures.Now, terms);

        signed.Error.Should().BeNull(name);
        var facts = CertificateFacts.Parse(System.Text.Encoding.ASCII.GetBytes(signed.Value!.LeafPem), System.Text.Encoding.ASCII.GetBytes(PkiFixtures.EcKeyPem)).Facts!;
        facts.IsCA.Should().Be(isCA, name);
        facts.Usages.Should().BeEquivalentTo(usages, name);
    }

    private static readonly Dictionary<string, (Action<CertificateSpec> Csr, RequestTerms Terms, string Reason, string Field)> RefusedCases = new()
    {
        ["CSR usages differ from spec.usages"] = (s => s.Usages = ["server auth"], new(false, ["client auth"]), PkiError.InvalidCsr, "spec.request"),
        ["CSR asks for a CA, spec.isCA does not"] = (s => s.IsCA = true, new(false, null), PkiError.InvalidCsr, "spec.request"),
        ["unknown usage in spec.usages"] = (_ => { }, new(false, ["teleport"]), PkiError.InvalidSpec, "spec.usages[0]"),
    };

    public static TheoryData<string> Refused => PkiFixtures.Names(RefusedCases);

    [Theory]
    [MemberData(nameof(Refused))]
    public void Csr_that_contradicts_the_request_is_refused(string name)
    {
        var (configure, terms, reason, field) = RefusedCases[name];
        var csr = PkiFixtures.Csr(PkiFixtures.Spec(configure), PkiFixtures.RsaKeyPem);

        var result = Signer.SelfSign(csr, PkiFixtures.RsaKeyPem, TimeSpan.FromDays(1), PkiFixtures.Now, terms);

        (result.Error!.Reason, result.Error.Field).Should().Be((reason, field), name);
    }

    [Fact]
    public void Terms_come_from_the_certificate_request_spec()
    {
        RequestTerms.From(new CertificateRequestSpec { IsCA = true, Usages = ["cert sign"] })
            .Should().BeEquivalentTo(new RequestTerms(true, ["cert sign"]));
        RequestTerms.From(new CertificateRequestSpec()).Should().BeEquivalentTo(new RequestTerms(false, null));
    }
}
