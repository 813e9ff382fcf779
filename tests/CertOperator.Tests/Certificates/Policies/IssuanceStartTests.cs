using CertOperator.Certificates.Policies;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Tests.Certificates.Policies;

public sealed class IssuanceStartTests
{
    private static readonly SecretState Valid = Gen.ValidSecret();

    /// <summary>One case: a situation, the reason an issuance starts with (null: none now), and when to look again.</summary>
    public sealed class Row
    {
        internal Row(string name, IssuanceInput input, string? reason, DateTimeOffset? lookAgainAt) => (Name, Input, Reason, LookAgainAt) = (name, input, reason, lookAgainAt);

        public string Name { get; }

        internal IssuanceInput Input { get; }

        internal string? Reason { get; }

        internal DateTimeOffset? LookAgainAt { get; }

        public override string ToString() => Name;
    }

    public static TheoryData<Row> Cases => new()
    {
        new("Secret missing", Gen.Input(Gen.Certificate(), null), "DoesNotExist", null),
        new("valid: look again at the renewal time", Gen.Input(Gen.Certificate(), Valid), null, Gen.Now.AddDays(50)),
        new("renewal time reached", Gen.Input(Gen.Certificate(), Valid, now: Gen.Now.AddDays(50)), "Renewing", null),
        new("renewal policy Disabled: look again at the expiry", Gen.Input(Gen.Certificate(spec: s => s.Renewal = new CertificateRenewal { Policy = "Disabled" }), Valid), null, Gen.Now.AddDays(80)),
        new("renewal policy Disabled, expired", Gen.Input(Gen.Certificate(spec: s => s.Renewal = new CertificateRenewal { Policy = "Disabled" }), Valid, now: Gen.Now.AddDays(80)), "Expired", null),
        new("already issuing", Gen.Input(Issuing(Gen.Certificate()), null), null, null),
        new("spec cannot be issued", Gen.Input(Gen.Certificate(spec: s => s.DnsNames = null), null), null, null),
        new("Secret is not the Certificate's to write", Gen.Input(Gen.Certificate(), null, new SecretConflict("SecretInUse", "in use", Blocks: true)), null, null),
        new("Secret shared with another Certificate it may still write", Gen.Input(Gen.Certificate(), null, new SecretConflict("SecretShared", "shared", Blocks: false)), "DoesNotExist", null),
        new("failed an hour ago at the first attempt: backing off", Gen.Input(Failed(Gen.Certificate(), Gen.Now.AddMinutes(-30), 1), null), null, Gen.Now.AddMinutes(30)),
        new("backoff over", Gen.Input(Failed(Gen.Certificate(), Gen.Now.AddHours(-1), 1), null), "DoesNotExist", null),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Starts_an_issuance_or_says_when_to_look_again(Row row)
    {
        var (start, at) = IssuanceStart.Decide(row.Input);

        start?.Reason.Should().Be(row.Reason, row.Name);
        (start is null).Should().Be(row.Reason is null, row.Name);
        at.Should().Be(row.LookAgainAt, row.Name);
    }

    private static Certificate Issuing(Certificate certificate)
    {
        certificate.Status = new CertificateStatus { Conditions = [new Condition { Type = ConditionTypes.Issuing, Status = "True", Reason = "DoesNotExist" }] };
        return certificate;
    }

    private static Certificate Failed(Certificate certificate, DateTimeOffset at, int attempts)
    {
        certificate.Status = new CertificateStatus { LastFailureTime = at, FailedIssuanceAttempts = attempts };
        return certificate;
    }
}
