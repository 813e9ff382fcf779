using CertOperator.Certificates.Policies;
using CertOperator.Crds.Certificates;

namespace CertOperator.Tests.Certificates.Policies;

public sealed class ReadinessDecisionTests
{
    private static readonly SecretState Valid = Gen.ValidSecret();

    /// <summary>
    /// One case: a situation and the request's progress; whether Ready, its reason, the end of its message, whether the
    /// validity fields are set, and whether the outcome is plain (one the writes starting and ending an issuance may carry).
    /// </summary>
    public sealed class Row
    {
        internal Row(string name, IssuanceInput input, string? progress, bool ready, string reason, string messageEnd, bool validity, bool plain) =>
            (Name, Input, Progress, Ready, Reason, MessageEnd, Validity, Plain) = (name, input, progress, ready, reason, messageEnd, validity, plain);

        public string Name { get; }

        internal IssuanceInput Input { get; }

        internal string? Progress { get; }

        internal bool Ready { get; }

        internal string Reason { get; }

        internal string MessageEnd { get; }

        internal bool Validity { get; }

        internal bool Plain { get; }

        public override string ToString() => Name;
    }

    public static TheoryData<Row> Cases => new()
    {
        new("valid", Gen.Input(Gen.Certificate(), Valid), null, true, "Ready", "Certificate is up to date and has not expired", true, true),
        new("Secret missing", Gen.Input(Gen.Certificate(), null), null, false, "DoesNotExist", "Issuing certificate as Secret \"web-tls\" does not exist", false, true),
        new("Secret missing, the request waits", Gen.Input(Gen.Certificate(), null), "CertificateRequest \"web-1\": Waiting on the order", false, "DoesNotExist", "does not exist; CertificateRequest \"web-1\": Waiting on the order", false, true),
        new("expired", Gen.Input(Gen.Certificate(), Valid, now: Gen.Now.AddDays(81)), null, false, "Expired", "Certificate expired on Thu, 20 Aug 2026 12:00:00 GMT", true, true),
        new("spec cannot be issued", Gen.Input(Gen.Certificate(spec: s => s.DnsNames = null), Valid), null, false, ReadinessDecision.InvalidSpec, "", true, false),
        new("Secret is not the Certificate's to write", Gen.Input(Gen.Certificate(), Valid, new SecretConflict("SecretInUse", "Secret is in use", Blocks: true)), null, false, "SecretInUse", "Secret is in use", false, false),
        new("Secret shared, still the Certificate's", Gen.Input(Gen.Certificate(), Valid, new SecretConflict("SecretShared", "others want it", Blocks: false)), null, true, "Ready", "has not expired; others want it", true, false),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_Ready_the_validity_fields_and_whether_an_issuance_write_may_carry_them(Row row)
    {
        var outcome = ReadinessDecision.Decide(row.Input, row.Progress);

        outcome.Ready.Should().Be(row.Ready, row.Name);
        outcome.Reason.Should().Be(row.Reason, row.Name);
        outcome.Message.Should().EndWith(row.MessageEnd, row.Name);
        (outcome.Facts is not null).Should().Be(row.Validity, row.Name);
        (outcome.RenewalTime is not null).Should().Be(row.Validity, row.Name);
        outcome.Plain.Should().Be(row.Plain, row.Name);
    }

    [Fact]
    public void The_renewal_time_is_two_thirds_of_the_way_by_default()
    {
        var outcome = ReadinessDecision.Decide(Gen.Input(Gen.Certificate(), Valid), progress: null);

        outcome.RenewalTime.Should().Be(Gen.Facts().NotBefore.AddDays(60));
    }
}
