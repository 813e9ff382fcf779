using CertOperator.Certificates.Pki;
using CertOperator.Certificates.Policies;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;

namespace CertOperator.Tests.Certificates.Policies;

public sealed class IssuancePoliciesTests
{
    /// <summary>One row: a named situation and the reason the chain must give (null = no issuance).</summary>
    public sealed class Row
    {
        internal Row(string name, Certificate certificate, SecretState? secret, Func<Certificate, CertificateRequest?> request, DateTimeOffset now, string? reason)
        {
            Name = name;
            Certificate = certificate;
            Secret = secret;
            Request = request;
            Now = now;
            Reason = reason;
        }

        public string Name { get; }

        internal Certificate Certificate { get; }

        internal SecretState? Secret { get; }

        internal Func<Certificate, CertificateRequest?> Request { get; }

        internal DateTimeOffset Now { get; }

        internal string? Reason { get; }

        public override string ToString() => Name;
    }

    private static SecretState Valid(CertificateFacts facts, Dictionary<string, string>? annotations = null) =>
        new(annotations ?? Gen.IssuerAnnotations(), facts, null, null);

    private static CertificateRequest? NoRequest(Certificate _) => null;

    public static TheoryData<Row> NeedsIssuanceCases => new()
    {
        new("secret missing", Gen.Certificate(), null, NoRequest, Gen.Now, "DoesNotExist"),
        new("secret without tls.crt", Gen.Certificate(), new(Gen.IssuerAnnotations(), null, "MissingData", "is missing tls.crt"), NoRequest, Gen.Now, "MissingData"),
        new("key does not match certificate", Gen.Certificate(), new(Gen.IssuerAnnotations(), null, "InvalidKeyPair", "has a key that does not match"), NoRequest, Gen.Now, "InvalidKeyPair"),
        new("valid and fresh", Gen.Certificate(), Valid(Gen.Facts()), NoRequest, Gen.Now, null),
        new("issued by another issuer", Gen.Certificate(), Valid(Gen.Facts(), Gen.IssuerAnnotations("other")), NoRequest, Gen.Now, "IncorrectIssuer"),
        new("issued by a ClusterIssuer of the same name", Gen.Certificate(), Valid(Gen.Facts(), Gen.IssuerAnnotations(kind: "ClusterIssuer")), NoRequest, Gen.Now, "IncorrectIssuer"),
        new("secret without issuer annotations is judged on content", Gen.Certificate(), Valid(Gen.Facts(), []), NoRequest, Gen.Now, null),
        new("dns name added", Gen.Certificate(spec: s => s.DnsNames = ["example.com", "www.example.com"]), Valid(Gen.Facts()), NoRequest, Gen.Now, "SecretMismatch"),
        new("dns name removed", Gen.Certificate(), Valid(Gen.Facts(dnsNames: ["example.com", "old.example.com"])), NoRequest, Gen.Now, "SecretMismatch"),
        new("dns names compare case-insensitively", Gen.Certificate(spec: s => s.DnsNames = ["Example.COM"]), Valid(Gen.Facts()), NoRequest, Gen.Now, null),
        new("common name added to SANs by the issuer", Gen.Certificate(spec: s => { s.CommonName = "cn.example.com"; }), Valid(Gen.Facts(dnsNames: ["example.com", "cn.example.com"], commonName: "cn.example.com")), NoRequest, Gen.Now, null),
        new("common name changed", Gen.Certificate(spec: s => s.CommonName = "new.example.com"), Valid(Gen.Facts(commonName: "old.example.com")), NoRequest, Gen.Now, "SecretMismatch"),
        new("ip written differently is the same", Gen.Certificate(spec: s => s.IpAddresses = ["0:0:0:0:0:0:0:1"]), Valid(Gen.Facts(ipAddresses: ["::1"])), NoRequest, Gen.Now, null),
        new("ip changed", Gen.Certificate(spec: s => s.IpAddresses = ["10.0.0.2"]), Valid(Gen.Facts(ipAddresses: ["10.0.0.1"])), NoRequest, Gen.Now, "SecretMismatch"),
        new("duration changed since the request", Gen.Certificate(spec: s => s.Duration = "720h"), Valid(Gen.Facts()), c => Gen.Request(c, 1, r => r.Duration = "2160h"), Gen.Now, "RequestChanged"),
        new("duration written differently is the same", Gen.Certificate(spec: s => s.Duration = "24h"), Valid(Gen.Facts()), c => Gen.Request(c, 1, r => r.Duration = "1440m"), Gen.Now, null),
        new("issuer changed since the request", Gen.Certificate(), Valid(Gen.Facts(), []), c => Gen.Request(c, 1, r => r.IssuerRef.Name = "old"), Gen.Now, "RequestChanged"),
        new("usages changed since the request", Gen.Certificate(spec: s => s.Usages = ["server auth"]), Valid(Gen.Facts()), c => Gen.Request(c, 1, r => r.Usages = ["client auth"]), Gen.Now, "RequestChanged"),
        new("default usages equal explicit defaults", Gen.Certificate(spec: s => s.Usages = ["digital signature", "key encipherment"]), Valid(Gen.Facts()), c => Gen.Request(c, 1, r => r.Usages = null), Gen.Now, null),
        new("isCA changed since the request", Gen.Certificate(spec: s => s.IsCA = true), Valid(Gen.Facts()), c => Gen.Request(c, 1, r => r.IsCA = false), Gen.Now, "RequestChanged"),
        new("renewal time reached", Gen.Certificate(), Valid(Gen.Facts(notBefore: Gen.Now.AddDays(-61))), NoRequest, Gen.Now, "Renewing"),
        new("just before renewal time", Gen.Certificate(), Valid(Gen.Facts(notBefore: Gen.Now.AddDays(-60).AddSeconds(1))), NoRequest, Gen.Now, null),
        new("renewBefore brings renewal forward", Gen.Certificate(spec: s => s.RenewBefore = "720h"), Valid(Gen.Facts(notBefore: Gen.Now.AddDays(-61))), NoRequest, Gen.Now, "Renewing"),
        new("renewBefore keeps it valid", Gen.Certificate(spec: s => s.RenewBefore = "24h"), Valid(Gen.Facts(notBefore: Gen.Now.AddDays(-61))), NoRequest, Gen.Now, null),
        new("renewBeforePercentage", Gen.Certificate(spec: s => s.RenewBeforePercentage = 50), Valid(Gen.Facts(notBefore: Gen.Now.AddDays(-46))), NoRequest, Gen.Now, "Renewing"),
        new("expired", Gen.Certificate(), Valid(Gen.Facts(notBefore: Gen.Now.AddDays(-91))), NoRequest, Gen.Now, "Expired"),
    };

    [Theory]
    [MemberData(nameof(NeedsIssuanceCases))]
    public void Needs_issuance(Row c)
    {
        var result = IssuancePolicies.NeedsIssuance(new IssuanceInput(c.Certificate, c.Secret, c.Request(c.Certificate), c.Now));

        result?.Reason.Should().Be(c.Reason, c.Name);
        if (c.Reason is null)
        {
            result.Should().BeNull(c.Name);
        }
        else
        {
            result.Should().NotBeNull(c.Name);
            result!.Message.Should().NotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Renewal_due_is_still_ready()
    {
        var input = new IssuanceInput(Gen.Certificate(), Valid(Gen.Facts(notBefore: Gen.Now.AddDays(-61))), null, Gen.Now);

        IssuancePolicies.NeedsIssuance(input)!.Reason.Should().Be("Renewing");
        IssuancePolicies.NotReady(input).Should().BeNull();
    }

    [Fact]
    public void Mismatch_message_names_the_field()
    {
        var input = new IssuanceInput(Gen.Certificate(spec: s => s.DnsNames = ["a.example.com"]), Valid(Gen.Facts()), null, Gen.Now);

        IssuancePolicies.NeedsIssuance(input)!.Message.Should().Contain("spec.dnsNames").And.Contain("a.example.com");
    }

    [Fact]
    public void Renewal_time_of_a_90_day_certificate_is_day_60()
    {
        var facts = Gen.Facts(notBefore: Gen.Now);
        IssuancePolicies.RenewalTimeOf(new IssuanceInput(Gen.Certificate(), Valid(facts), null, Gen.Now)).Should().Be(Gen.Now.AddDays(60));
    }
}
