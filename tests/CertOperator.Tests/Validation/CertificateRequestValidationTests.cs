using System.Text;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Meta;
using CertOperator.Tests.Certificates.Pki;
using CertOperator.Validation;

namespace CertOperator.Tests.Validation;

/// <summary>cert-manager's certificaterequest_test.go spec cases: the CSR must parse and agree with isCA and usages.</summary>
public sealed class CertificateRequestValidationTests
{
    public static TheoryData<string, Func<CertificateRequestSpec>, string?, string?> Cases => new()
    {
        { "csr with default usages", () => Request(_ => { }), null, null },
        { "csr with no usages encoded", () => Request(s => s.EncodeUsagesInRequest = false, usages: ["server auth"]), null, null },
        { "csr with reordered usages", () => Request(s => s.Usages = ["key encipherment", "digital signature"], usages: ["digital signature", "key encipherment"]), null, null },
        { "csr that is CA with usages set", () => Request(s => (s.IsCA, s.Usages) = (true, ["any", "digital signature", "key encipherment", "cert sign"]), isCA: true, usages: ["any", "digital signature", "key encipherment", "cert sign"]), null, null },
        { "csr that is CA but no cert sign in usages", () => Request(s => (s.IsCA, s.Usages) = (true, ["digital signature", "server auth"]), isCA: true, usages: ["digital signature", "server auth"]), null, null },
        { "csr with default usages and isCA", () => Request(s => s.IsCA = true, isCA: true), null, null },
        {
            "error on csr not having all usages", () => Request(s => s.Usages = ["digital signature", "server auth"], usages: ["digital signature", "server auth", "client auth"]),
            "spec.request", "encoded CSR error: the ExtKeyUsages [ 'server auth' ] do not match the expected ExtKeyUsages [ 'server auth', 'client auth' ]"
        },
        {
            "error on cr not having all usages", () => Request(s => s.Usages = ["digital signature", "key encipherment", "server auth", "client auth"]),
            "spec.request", "encoded CSR error: the ExtKeyUsages [ 'server auth', 'client auth' ] do not match the expected ExtKeyUsages []"
        },
        { "CSR that is a CA for a request that is not", () => Request(s => s.IsCA = true, isCA: false, usages: ["digital signature", "key encipherment"]), "spec.request", "encoded CSR error: IsCA true does not match expected value false" },
        { "missing request", () => Valid(r => r.Request = ""), "spec.request", "must be specified" },
        { "request that is not base64", () => Valid(r => r.Request = "%%%"), "spec.request", "is not base64" },
        { "request that is not a CSR", () => Valid(r => r.Request = Convert.ToBase64String(Encoding.ASCII.GetBytes("hello"))), "spec.request", "not a valid, correctly signed PEM CERTIFICATE REQUEST" },
        { "unknown usage", () => Valid(r => r.Usages = ["teleport"]), "spec.usages[0]", "unknown keyusage" },
        { "missing issuerRef name", () => Valid(r => r.IssuerRef = new IssuerReference()), "spec.issuerRef.name", "must be specified" },
        { "external kind without group", () => Valid(r => r.IssuerRef.Kind = "AWSPCAIssuer"), "spec.issuerRef.kind", "did you forget to set spec.issuerRef.group?" },
        { "duration that is not a Go duration", () => Valid(r => r.Duration = "1 day"), "spec.duration", "is not a Go duration" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CertificateRequest_spec(string name, Func<CertificateRequestSpec> spec, string? field, string? fragment) =>
        Expect.Outcome(CertificateRequestValidation.Validate(spec()), name, field, fragment);

    /// <summary>A request whose CSR is built from a Certificate spec, asking for <paramref name="isCA"/> and <paramref name="usages"/>.</summary>
    private static CertificateRequestSpec Request(Action<CertificateSpec> csrSpec, bool isCA = false, List<string>? usages = null)
    {
        var csr = PkiFixtures.Csr(PkiFixtures.Spec(csrSpec), PkiFixtures.EcKeyPem);
        return new CertificateRequestSpec
        {
            IssuerRef = new IssuerReference { Name = "ca", Kind = "Issuer" },
            Request = Convert.ToBase64String(Encoding.ASCII.GetBytes(csr)),
            IsCA = isCA,
            Usages = usages,
        };
    }

    private static CertificateRequestSpec Valid(Action<CertificateRequestSpec> breakIt)
    {
        var spec = Request(_ => { });
        breakIt(spec);
        return spec;
    }
}
