using System.ComponentModel;
using CertOperator.Crds.Orders;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Challenges;

[Description("Progress of solving the challenge. Read-only.")]
public sealed class ChallengeStatus
{
    [Description("Whether the operator is still working on the challenge; false once it is in a final state and cleaned up.")]
    public bool? Processing { get; set; }

    [Description("Whether the challenge response is currently presented (solver running or TXT record published).")]
    public bool? Presented { get; set; }

    [Description("Why the challenge is in its state, e.g. the self-check or validation error.")]
    public string? Reason { get; set; }

    [EnumValues(typeof(AcmeStates))]
    [Description("State of the challenge at the ACME server: pending, processing, valid, invalid, expired or errored.")]
    public string? State { get; set; }

    [Description("When the challenge response was last presented; a solver's `waitInsteadOfSelfCheck` counts from here.")]
    public DateTimeOffset? PresentedAt { get; set; }
}
