using System.Text.Json;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Serialization;
using k8s.Models;

namespace CertOperator.Kubernetes.Tests.Informers;

public sealed class CompactDictionaryTests
{
    private static readonly Dictionary<string, string> Source = new(StringComparer.Ordinal)
    {
        ["cert-manager.io/certificate-name"] = "web",
        ["cert-manager.io/issuer-kind"] = "ClusterIssuer",
        ["empty"] = "",
    };

    private static CompactDictionary Map() => new(Source, v => v);

    [Fact]
    public void Reads_answer_as_the_dictionary_it_was_built_from()
    {
        var map = Map();

        map.Should().Equal(Source);
        map.Count.Should().Be(3);
        map["cert-manager.io/issuer-kind"].Should().Be("ClusterIssuer");
        map.TryGetValue("empty", out var empty).Should().BeTrue();
        empty.Should().BeEmpty();
        map.ContainsKey("Cert-Manager.io/issuer-kind").Should().BeFalse("keys compare ordinally, as Kubernetes does");
        map.Contains(new("cert-manager.io/certificate-name", "web")).Should().BeTrue();
        map.Contains(new("cert-manager.io/certificate-name", "other")).Should().BeFalse();
        map.Keys.Should().Equal(Source.Keys);
        map.Values.Should().Equal(Source.Values);
        FluentActions.Invoking(() => map["missing"]).Should().Throw<KeyNotFoundException>();
        var copied = new KeyValuePair<string, string>[4];
        map.CopyTo(copied, 1);
        copied[1..].Should().Equal(Source);
    }

    [Fact]
    public void Every_write_is_refused()
    {
        var map = Map();

        map.IsReadOnly.Should().BeTrue();
        FluentActions.Invoking(() => map["x"] = "y").Should().Throw<NotSupportedException>();
        FluentActions.Invoking(() => map.Add("x", "y")).Should().Throw<NotSupportedException>();
        FluentActions.Invoking(() => map.Remove("empty")).Should().Throw<NotSupportedException>();
        FluentActions.Invoking(map.Clear).Should().Throw<NotSupportedException>();
        map.Should().Equal(Source);
    }

    [Fact]
    public void Keys_and_values_pass_through_the_interning_function()
    {
        var seen = new List<string>();

        var map = new CompactDictionary(Source, v =>
        {
            seen.Add(v);
            return string.Intern(v);
        });

        seen.Should().Equal(Source.SelectMany(e => new[] { e.Key, e.Value }));
        map.Keys.Should().AllSatisfy(k => string.IsInterned(k).Should().BeSameAs(k));
    }

    [Fact]
    public void Metadata_holding_it_serialises_as_with_a_dictionary()
    {
        static string Json(IDictionary<string, string> annotations) => JsonSerializer.Serialize(
            new PartialObjectMetadata { Metadata = new V1ObjectMeta { Name = "web", Annotations = annotations } },
            KubernetesJsonContext.Default.PartialObjectMetadata);

        Json(Map()).Should().Be(Json(Source)).And.Contain("\"cert-manager.io/issuer-kind\":\"ClusterIssuer\"");
    }
}
