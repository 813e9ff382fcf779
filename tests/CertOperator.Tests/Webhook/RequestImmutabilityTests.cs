using System.Text.Json.Nodes;
using CertOperator.Webhook.Admission;

namespace CertOperator.Tests.Webhook;

/// <summary>A CertificateRequest's spec and cert-manager annotations are fixed at creation.</summary>
public sealed class RequestImmutabilityTests
{
    private const string Base = """{"metadata":{"annotations":{"cert-manager.io/certificate-name":"web","team":"a"}},"spec":{"request":"abc","issuerRef":{"name":"ca"}}}""";

    public static TheoryData<string, string, string[]> Cases => new()
    {
        { "status and other annotations may change", """{"metadata":{"annotations":{"cert-manager.io/certificate-name":"web","team":"b"}},"spec":{"request":"abc","issuerRef":{"name":"ca"}},"status":{"conditions":[]}}""", [] },
        { "spec changed", """{"metadata":{"annotations":{"cert-manager.io/certificate-name":"web","team":"a"}},"spec":{"request":"abd","issuerRef":{"name":"ca"}}}""", ["spec: Forbidden: cannot change spec after creation"] },
        {
            "cert-manager annotation changed", """{"metadata":{"annotations":{"cert-manager.io/certificate-name":"other","team":"a"}},"spec":{"request":"abc","issuerRef":{"name":"ca"}}}""",
            ["metadata.annotations.cert-manager.io/certificate-name: Forbidden: cannot change cert-manager annotation after creation"]
        },
        {
            "cert-manager annotation removed", """{"metadata":{"annotations":{"team":"a"}},"spec":{"request":"abc","issuerRef":{"name":"ca"}}}""",
            ["metadata.annotations.cert-manager.io/certificate-name: Forbidden: cannot change cert-manager annotation after creation"]
        },
        {
            "acme annotation added", """{"metadata":{"annotations":{"cert-manager.io/certificate-name":"web","team":"a","acme.cert-manager.io/x":"1"}},"spec":{"request":"abc","issuerRef":{"name":"ca"}}}""",
            ["metadata.annotations.acme.cert-manager.io/x: Forbidden: cannot change cert-manager annotation after creation"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Spec_and_cert_manager_annotations_are_immutable(string name, string after, string[] expected)
    {
        RequestImmutability.Validate(JsonNode.Parse(Base), JsonNode.Parse(after)).Select(e => e.ToString()).Should().Equal(expected, name);
    }
}
