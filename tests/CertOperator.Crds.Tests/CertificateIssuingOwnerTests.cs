using System.Text.Json;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Serialization;

namespace CertOperator.Crds.Tests;

/// <summary>
/// Which single field manager owns a Certificate's Issuing condition, from managedFields as kube-apiserver 1.24 writes
/// them, and still after a cache has dropped them.
/// </summary>
public sealed class CertificateIssuingOwnerTests
{
    private const string IssuingFields = """{"f:status":{"f:conditions":{"k:{\"type\":\"Issuing\"}":{".":{},"f:status":{},"f:type":{}}}}}""";
    private const string ReadyFields = """{"f:status":{"f:conditions":{"k:{\"type\":\"Ready\"}":{".":{},"f:status":{},"f:type":{}}}}}""";
    private const string ReasonOnly = """{"f:status":{"f:conditions":{"k:{\"type\":\"Issuing\"}":{"f:reason":{}}}}}""";
    private const string SpecFields = """{"f:spec":{"f:secretName":{}}}""";

    /// <summary>Each case: managedFields as "manager fieldsV1" pairs, and the sole owner expected ("-" for none).</summary>
    public static TheoryData<string, string[], string> Cases => new()
    {
        { "one manager owns the condition", ["certoperator-issuance", IssuingFields, "certoperator-readiness", ReadyFields], "certoperator-issuance" },
        { "no manager owns it", ["certoperator-readiness", ReadyFields, "kubectl-client-side-apply", SpecFields], "-" },
        { "another manager owns one field of it", ["certoperator-issuance", IssuingFields, "kubectl-patch", ReasonOnly], "-" },
        { "two managers own all of it", ["certoperator-issuance", IssuingFields, "cert-manager-certificates-trigger", IssuingFields], "-" },
        { "another manager alone", ["cmctl", IssuingFields], "cmctl" },
        { "no managedFields at all", [], "-" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_sole_owner_is_read_from_managedFields_and_kept_when_a_cache_drops_them(string name, string[] entries, string expected)
    {
        var certificate = Parse(entries);
        var direct = certificate.IssuingConditionSoleOwner();

        certificate.TrimForCache();
        certificate.Metadata.ManagedFields = null;

        (direct ?? "-").Should().Be(expected, name);
        (certificate.IssuingConditionSoleOwner() ?? "-").Should().Be(expected, name + ", once cached");
    }

    [Fact]
    public void A_copy_never_cached_and_without_managedFields_has_no_known_owner() =>
        new Certificate().IssuingConditionSoleOwner().Should().BeNull();

    private static Certificate Parse(string[] entries)
    {
        var managed = string.Join(",", entries.Chunk(2).Select(e =>
            $$"""{"apiVersion":"cert-manager.io/v1","fieldsType":"FieldsV1","fieldsV1":{{e[1]}},"manager":"{{e[0]}}","operation":"Apply","subresource":"status"}"""));
        var json = $$$"""
            {"apiVersion":"cert-manager.io/v1","kind":"Certificate",
             "metadata":{"name":"web","namespace":"default","resourceVersion":"7","managedFields":[{{{managed}}}]},
             "spec":{"secretName":"web-tls","issuerRef":{"name":"ca"}},
             "status":{"conditions":[{"type":"Issuing","status":"True"}]}}
            """;
        return JsonSerializer.Deserialize(json, CertManagerJsonContext.Default.Certificate)!;
    }
}
