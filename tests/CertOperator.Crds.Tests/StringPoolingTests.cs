using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Serialization;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Crds.Tests;

/// <summary>Two cached copies of the same object share their repeated strings and still say the same thing.</summary>
public sealed class StringPoolingTests
{
    private const string CertificateJson = """
        {"apiVersion":"cert-manager.io/v1","kind":"Certificate","metadata":{"name":"web","namespace":"team-a"},
         "spec":{"secretName":"web-tls","dnsNames":["web.example.com"],"usages":["server auth","digital signature"],
                 "issuerRef":{"name":"ca","kind":"ClusterIssuer","group":"cert-manager.io"}},
         "status":{"conditions":[{"type":"Ready","status":"True","reason":"Ready","message":"Certificate is up to date and has not expired"}]}}
        """;

    private const string RequestJson = """
        {"apiVersion":"cert-manager.io/v1","kind":"CertificateRequest","metadata":{"name":"web-1","namespace":"team-a"},
         "spec":{"request":"Q1NS","usages":["server auth"],"issuerRef":{"name":"ca","kind":"ClusterIssuer","group":"cert-manager.io"},
                 "username":"system:serviceaccount:certoperator-system:certoperator","uid":"0b1c","groups":["system:serviceaccounts","system:authenticated"]},
         "status":{"conditions":[{"type":"Approved","status":"True","reason":"cert-manager.io","message":"Certificate request has been approved by cert-manager.io"}]}}
        """;

    /// <summary>Two copies of <paramref name="json"/> pooled into one pool; the second still equals a fresh copy.</summary>
    private static (T One, T Two) PooledCopies<T>(string json, JsonTypeInfo<T> type)
        where T : IStringPooled
    {
        var pool = new StringPool();
        var one = JsonSerializer.Deserialize(json, type)!;
        var two = JsonSerializer.Deserialize(json, type)!;
        one.PoolStrings(pool);
        two.PoolStrings(pool);
        two.Should().BeEquivalentTo(JsonSerializer.Deserialize(json, type), "pooling changes which instances hold the strings, not what they say");
        return (one, two);
    }

    [Fact]
    public void Certificates_share_issuer_reference_usages_and_condition_texts()
    {
        var (one, two) = PooledCopies(CertificateJson, CertManagerJsonContext.Default.Certificate);

        two.Spec.IssuerRef.Name.Should().BeSameAs(one.Spec.IssuerRef.Name);
        two.Spec.IssuerRef.Kind.Should().BeSameAs(one.Spec.IssuerRef.Kind);
        two.Spec.IssuerRef.Group.Should().BeSameAs(one.Spec.IssuerRef.Group);
        two.Spec.Usages![1].Should().BeSameAs(one.Spec.Usages![1]);
        two.Status!.Conditions![0].Message.Should().BeSameAs(one.Status!.Conditions![0].Message);
        two.Status.Conditions[0].Reason.Should().BeSameAs(one.Status.Conditions[0].Reason);
    }

    [Fact]
    public void Requests_share_issuer_reference_requester_and_condition_texts()
    {
        var (one, two) = PooledCopies(RequestJson, CertManagerJsonContext.Default.CertificateRequest);

        two.Spec.Username.Should().BeSameAs(one.Spec.Username);
        two.Spec.Groups![1].Should().BeSameAs(one.Spec.Groups![1]);
        two.Spec.IssuerRef.Name.Should().BeSameAs(one.Spec.IssuerRef.Name);
        two.Status!.Conditions![0].Message.Should().BeSameAs(one.Status!.Conditions![0].Message);
    }
}
