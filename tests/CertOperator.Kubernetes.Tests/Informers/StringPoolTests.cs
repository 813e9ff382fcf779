using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Kubernetes.Tests.Informers;

public sealed class StringPoolTests
{
    // Fresh string instances, as deserialising gives every object its own copy.
    private static string Copy(string value) => new([.. value]);

    [Fact]
    public void Equal_strings_become_one_instance()
    {
        var pool = new StringPool();
        var first = pool.Intern(Copy("cert-manager.io/issuer-name"));
        var second = pool.Intern(Copy("cert-manager.io/issuer-name"));

        second.Should().BeSameAs(first);
    }

    [Fact]
    public void Long_values_are_left_alone()
    {
        var pool = new StringPool();
        var pem = new string('A', StringPool.MaxValueLength + 1);

        pool.Intern(Copy(pem)).Should().NotBeSameAs(pool.Intern(Copy(pem))).And.Be(pem);
    }

    [Fact]
    public void A_full_pool_still_hands_out_what_it_has_and_stores_nothing_new()
    {
        var pool = new StringPool(maxEntries: 2);
        var a = pool.Intern(Copy("a"));
        var b = pool.Intern(Copy("b"));

        pool.Intern(Copy("c")).Should().NotBeSameAs(pool.Intern(Copy("c")), "the pool is full");
        pool.Intern(Copy("a")).Should().BeSameAs(a);
        pool.Intern(Copy("b")).Should().BeSameAs(b);
    }

    [Fact]
    public void Metadata_keeps_its_content_with_pooled_strings()
    {
        var pool = new StringPool();
        V1ObjectMeta Meta() => new()
        {
            Name = Copy("web"),
            NamespaceProperty = Copy("team-a"),
            Labels = new Dictionary<string, string>() { [Copy("app")] = Copy("web") },
            Annotations = new Dictionary<string, string>() { [Copy("cert-manager.io/issuer-name")] = Copy("ca"), [Copy("note")] = new string('x', 100) },
            OwnerReferences = [new V1OwnerReference { ApiVersion = Copy("cert-manager.io/v1"), Kind = Copy("Certificate"), Name = Copy("web"), Uid = Copy("u1") }],
            Finalizers = [Copy("cert-manager.io/finalizer")],
        };
        var one = Meta();
        var two = Meta();

        pool.InternMetadata(one);
        pool.InternMetadata(two);

        two.Should().BeEquivalentTo(Meta(), "interning changes which instances hold the strings, not what they say");
        two.NamespaceProperty.Should().BeSameAs(one.NamespaceProperty);
        two.Annotations!.Keys.First().Should().BeSameAs(one.Annotations!.Keys.First());
        two.Annotations["cert-manager.io/issuer-name"].Should().BeSameAs(one.Annotations["cert-manager.io/issuer-name"]);
        two.Labels!["app"].Should().BeSameAs(one.Labels!["app"]);
        two.OwnerReferences![0].Kind.Should().BeSameAs(one.OwnerReferences![0].Kind);
        two.Finalizers![0].Should().BeSameAs(one.Finalizers![0]);
    }

    [Fact]
    public void Equal_small_maps_become_one_read_only_instance()
    {
        var pool = new StringPool();
        V1ObjectMeta Meta(string app) => new()
        {
            Labels = new Dictionary<string, string>() { [Copy("app")] = Copy(app), [Copy("controller.cert-manager.io/fao")] = Copy("true") },
        };
        var one = Meta("web");
        var two = Meta("web");
        var other = Meta("db");

        pool.InternMetadata(one);
        pool.InternMetadata(two);
        pool.InternMetadata(other);

        two.Labels.Should().BeSameAs(one.Labels).And.Equal(Meta("web").Labels);
        other.Labels.Should().NotBeSameAs(one.Labels).And.Equal(Meta("db").Labels);
        FluentActions.Invoking(() => two.Labels!["app"] = "changed").Should().Throw<NotSupportedException>("a shared map must not be changed for everyone");
    }

    [Fact]
    public void Maps_with_a_long_value_or_many_entries_stay_per_object()
    {
        var pool = new StringPool();
        V1ObjectMeta Meta() => new()
        {
            Labels = Enumerable.Range(0, StringPool.MaxSharedMapEntries + 1).ToDictionary(i => Copy($"k{i}"), i => Copy("v")),
            Annotations = new Dictionary<string, string>() { [Copy("note")] = new string('x', StringPool.MaxValueLength + 1) },
        };
        var one = Meta();
        var two = Meta();

        pool.InternMetadata(one);
        pool.InternMetadata(two);

        two.Labels.Should().NotBeSameAs(one.Labels).And.Equal(Meta().Labels);
        two.Annotations.Should().NotBeSameAs(one.Annotations).And.Equal(Meta().Annotations);
        two.Labels.Should().BeOfType<CompactDictionary>("every cached map is the compact read-only kind, shared or not");
        FluentActions.Invoking(() => two.Labels!["k0"] = "changed").Should().Throw<NotSupportedException>();
        one.Labels!["k0"].Should().Be("v");
    }
}
