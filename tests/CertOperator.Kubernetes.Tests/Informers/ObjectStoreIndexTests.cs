using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Kubernetes.Tests.Informers;

/// <summary>Secondary indexes follow every upsert and removal, whether one object or several share a value.</summary>
public sealed class ObjectStoreIndexTests
{
    private static ConfigMap Cm(string name, params string[] targets) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "ns" },
        Data = targets.ToDictionary(t => t, _ => ""),
    };

    private static ObjectStore<ConfigMap> NewStore()
    {
        var store = new ObjectStore<ConfigMap>();
        store.AddIndex("target", c => c.Data?.Keys ?? Enumerable.Empty<string>());
        return store;
    }

    private static string[] Names(ObjectStore<ConfigMap> store, string value) =>
        [.. store.ByIndex("target", value).Select(c => c.Metadata.Name!).Order(StringComparer.Ordinal)];

    public static TheoryData<string, string[], string, string[]> Steps => new()
    {
        // steps: "+name:v1,v2" upserts name with those index values, "-name" removes it; then ByIndex(value).
        { "one object", ["+a:x"], "x", ["a"] },
        { "a second object under the same value", ["+a:x", "+b:x"], "x", ["a", "b"] },
        { "the same object upserted twice", ["+a:x", "+a:x"], "x", ["a"] },
        { "three, then the first removed", ["+a:x", "+b:x", "+c:x", "-a"], "x", ["b", "c"] },
        { "two, then one removed (back to one)", ["+a:x", "+b:x", "-a"], "x", ["b"] },
        { "back to one, then another added", ["+a:x", "+b:x", "-a", "+c:x"], "x", ["b", "c"] },
        { "every object removed", ["+a:x", "+b:x", "-a", "-b"], "x", [] },
        { "an object moved to another value", ["+a:x", "+b:x", "+a:y"], "x", ["b"] },
        { "the value it moved to", ["+a:x", "+b:x", "+a:y"], "y", ["a"] },
        { "an object under two values, removed", ["+a:x,y", "+b:y", "-a"], "y", ["b"] },
        { "an unknown object removed", ["+a:x", "-z"], "x", ["a"] },
        { "a value never indexed", ["+a:x"], "q", [] },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void ByIndex_reflects_every_change(string what, string[] steps, string value, string[] expected)
    {
        var store = NewStore();
        foreach (var step in steps)
        {
            if (step[0] == '+')
            {
                var parts = step[1..].Split(':');
                store.Upsert(Cm(parts[0], parts[1].Split(',')));
            }
            else
            {
                store.Remove(new ObjectKey("ns", step[1..]));
            }
        }

        Names(store, value).Should().Equal(expected, what);
    }
}
