using System.Text.Json.Nodes;
using CertOperator.Webhook.Admission;

namespace CertOperator.Tests.Webhook;

/// <summary>What may change on an Order or a Challenge once the ACME server has answered.</summary>
public sealed class AcmeRulesTests
{
    private const string Order = """
        {"spec":{"request":"csr"},"status":{"url":"u","finalizeURL":"f","authorizations":[{"url":"a","identifier":"example.com","wildcard":false,
         "challenges":[{"url":"c","type":"http-01","token":"t"}]}]}}
        """;

    public static TheoryData<string, string, string[]> OrderUpdates => new()
    {
        { "state moves on", Order.Replace("\"finalizeURL\":\"f\"", "\"finalizeURL\":\"f\",\"state\":\"valid\",\"certificate\":\"pem\"", StringComparison.Ordinal), [] },
        { "request changed", Order.Replace("\"csr\"", "\"other\"", StringComparison.Ordinal), ["spec.request: Forbidden: field is immutable once set"] },
        { "url changed", Order.Replace("\"url\":\"u\"", "\"url\":\"v\"", StringComparison.Ordinal), ["status.url: Forbidden: field is immutable once set"] },
        { "authorization dropped", """{"spec":{"request":"csr"},"status":{"url":"u","finalizeURL":"f","authorizations":[]}}""", ["status.authorizations: Forbidden: field is immutable once set"] },
        { "wildcard flipped", Order.Replace("\"wildcard\":false", "\"wildcard\":true", StringComparison.Ordinal), ["status.authorizations[0].wildcard: Forbidden: field is immutable once set"] },
        { "token changed", Order.Replace("\"token\":\"t\"", "\"token\":\"x\"", StringComparison.Ordinal), ["status.authorizations[0].challenges[0].token: Forbidden: field is immutable once set"] },
    };

    [Theory]
    [MemberData(nameof(OrderUpdates))]
    public void Order_fields_are_fixed_once_set(string name, string after, string[] expected)
    {
        AcmeRules.ValidateOrderUpdate(JsonNode.Parse(Order), JsonNode.Parse(after)).Select(e => e.ToString()).Should().Equal(expected, name);
    }

    [Fact]
    public void Unset_order_fields_may_be_filled_in()
    {
        AcmeRules.ValidateOrderUpdate(JsonNode.Parse("""{"spec":{"request":"csr"},"status":{}}"""), JsonNode.Parse(Order)).Should().BeEmpty();
    }

    [Fact]
    public void A_challenge_spec_never_changes_but_its_status_does()
    {
        var before = JsonNode.Parse("""{"spec":{"token":"t"},"status":{"state":"pending"}}""");

        AcmeRules.ValidateChallengeUpdate(before, JsonNode.Parse("""{"spec":{"token":"t"},"status":{"state":"valid"}}""")).Should().BeEmpty();
        AcmeRules.ValidateChallengeUpdate(before, JsonNode.Parse("""{"spec":{"token":"u"}}""")).Select(e => e.ToString())
            .Should().Equal("spec: Forbidden: challenge spec is immutable after creation");
    }
}
