using System.Text.Json.Nodes;
using CertOperator.Webhook.Admission;

namespace CertOperator.Tests.Webhook;

/// <summary>cert-manager's Approved/Denied condition rules, as a table over condition lists.</summary>
public sealed class ApprovalRulesTests
{
    private const string None = "[]";
    private const string Approved = """[{"type":"Approved","status":"True","reason":"r","message":"m"}]""";
    private const string ApprovedOtherReason = """[{"type":"Approved","status":"True","reason":"other","message":"m"}]""";
    private const string Denied = """[{"type":"Denied","status":"True","reason":"r","message":"m"}]""";
    private const string Both = """[{"type":"Approved","status":"True"},{"type":"Denied","status":"True"}]""";
    private const string ApprovedFalse = """[{"type":"Approved","status":"False"}]""";
    private const string TwoApproved = """[{"type":"Approved","status":"True"},{"type":"Approved","status":"True"}]""";
    private const string ApprovedAndReady = """[{"type":"Approved","status":"True","reason":"r","message":"m"},{"type":"Ready","status":"False"}]""";

    public static TheoryData<string, string, string[]> Updates => new()
    {
        { "nothing set, nothing added", None, [] },
        { "approve", Approved, [] },
        { "deny", Denied, [] },
        { "both at once", Both, ["status.conditions: Forbidden: both 'Denied' and 'Approved' conditions cannot coexist"] },
        { "approved only as True", ApprovedFalse, ["status.conditions.Approved: Invalid value: \"False\": \"Approved\" condition may only be set to True"] },
        { "one Approved condition", TwoApproved, ["status.conditions: Forbidden: multiple \"Approved\" conditions present"] },
    };

    [Theory]
    [MemberData(nameof(Updates))]
    public void Setting_conditions_on_a_request_without_any(string name, string after, string[] expected)
    {
        ApprovalRules.ValidateUpdate(Parse(None), Parse(after)).Select(e => e.ToString()).Should().Equal(expected, name);
    }

    public static TheoryData<string, string, string, string[]> Changes => new()
    {
        { "unchanged approval", Approved, Approved, [] },
        { "other conditions may come", Approved, ApprovedAndReady, [] },
        { "approval removed", Approved, None, ["status.conditions: Forbidden: 'Approved' condition may not be modified once set"] },
        { "approval rewritten", Approved, ApprovedOtherReason, ["status.conditions: Forbidden: 'Approved' condition may not be modified once set"] },
        { "denial removed", Denied, None, ["status.conditions: Forbidden: 'Denied' condition may not be modified once set"] },
        {
            "approved request then denied", Approved, Both,
            ["status.conditions: Forbidden: 'Approved' condition may not be modified once set", "status.conditions: Forbidden: both 'Denied' and 'Approved' conditions cannot coexist"]
        },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Approved_and_Denied_never_change_once_set(string name, string before, string after, string[] expected)
    {
        ApprovalRules.ValidateUpdate(Parse(before), Parse(after)).Select(e => e.ToString()).Should().Equal(expected, name);
    }

    [Theory]
    [InlineData(None, Approved, true)]
    [InlineData(None, Denied, true)]
    [InlineData(Approved, ApprovedAndReady, false)]
    [InlineData(None, None, false)]
    [InlineData(Approved, Both, true)]
    public void Permission_is_checked_only_when_an_approval_condition_appears(string before, string after, bool added)
    {
        ApprovalRules.ApprovalAdded(Parse(before), Parse(after)).Should().Be(added);
    }

    private static JsonArray Parse(string json) => JsonNode.Parse(json)!.AsArray();
}
