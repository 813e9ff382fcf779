using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Tests.Infrastructure;

/// <summary>
/// What a memo of written versions gives back: the value for exactly the version read, once; nothing for any other
/// version; and with a capacity, the oldest entries go first.
/// </summary>
public sealed class VersionMemoTests
{
    /// <summary>
    /// Each case: the capacity (0: none), what is remembered in order ("key@version=value"), one take ("key@version"),
    /// what it gives ("-" for nothing) and which keys the memo holds afterwards.
    /// </summary>
    public static TheoryData<string, int, string[], string, string, string[]> Cases => new()
    {
        { "the version written is taken", 0, ["a@1=x"], "a@1", "x", [] },
        { "another version is not, and leaves the entry", 0, ["a@1=x"], "a@2", "-", ["a"] },
        { "another object is not", 0, ["a@1=x"], "b@1", "-", ["a"] },
        { "a later write replaces the earlier version", 0, ["a@1=x", "a@2=y"], "a@1", "-", ["a"] },
        { "the later write's version is taken", 0, ["a@1=x", "a@2=y"], "a@2", "y", [] },
        { "without a capacity nothing is evicted", 0, ["a@1=x", "b@1=y", "c@1=z"], "a@1", "x", ["b", "c"] },
        { "beyond the capacity the oldest goes", 2, ["a@1=x", "b@1=y", "c@1=z"], "a@1", "-", ["b", "c"] },
        { "the newest stays", 2, ["a@1=x", "b@1=y", "c@1=z"], "c@1", "z", ["b"] },
        { "a rewrite makes an entry the newest", 2, ["a@1=x", "b@1=y", "a@2=w", "c@1=z"], "a@2", "w", ["c"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Takes_exactly_the_remembered_version_once(string name, int capacity, string[] remembered, string take, string expected, string[] left)
    {
        var memo = new VersionMemo<string>(capacity == 0 ? null : capacity);
        foreach (var entry in remembered)
        {
            var (key, version) = Parse(entry.Split('=')[0]);
            memo.Remember(key, version, entry.Split('=')[1]);
        }

        var (takeKey, takeVersion) = Parse(take);
        var taken = memo.TryTake(takeKey, takeVersion, out var value);

        (taken ? value : "-").Should().Be(expected, name);
        new[] { "a", "b", "c" }.Where(k => memo.TryGet(Key(k), out _, out _)).Should().Equal(left, name);
        memo.Count.Should().Be(left.Length, name);
        memo.TryTake(takeKey, takeVersion, out _).Should().BeFalse($"{name}: a value is taken once");
    }

    [Fact]
    public async Task A_write_under_way_is_waited_for_and_its_response_remembered()
    {
        var memo = new VersionMemo<string>();
        var response = new TaskCompletionSource<PartialObjectMetadata>();
        var writing = memo.WriteAsync(Key("a"), _ => response.Task, o => o.Metadata.Annotations!["v"], CancellationToken.None);

        var waiting = memo.WrittenAsync(Key("a"), CancellationToken.None);
        waiting.IsCompleted.Should().BeFalse("the watch event of a write can arrive before its response");
        memo.WrittenAsync(Key("b"), CancellationToken.None).IsCompleted.Should().BeTrue();
        response.SetResult(Written("a", "7", "x"));
        await writing;
        await waiting;

        memo.TryTake(Key("a"), "7", out var value).Should().BeTrue();
        value.Should().Be("x");
    }

    [Fact]
    public async Task A_response_projected_to_nothing_is_not_remembered()
    {
        var memo = new VersionMemo<string>();

        await memo.WriteAsync(Key("a"), _ => Task.FromResult(Written("a", "7", "x")), _ => null, CancellationToken.None);

        memo.Count.Should().Be(0);
    }

    [Fact]
    public async Task A_failed_write_remembers_nothing_and_holds_no_reader_up()
    {
        var memo = new VersionMemo<string>();

        var write = () => memo.WriteAsync<PartialObjectMetadata>(Key("a"), _ => throw new InvalidOperationException("conflict"), o => "x", CancellationToken.None);

        await write.Should().ThrowAsync<InvalidOperationException>();
        memo.Count.Should().Be(0);
        memo.WrittenAsync(Key("a"), CancellationToken.None).IsCompleted.Should().BeTrue();
    }

    private static (ObjectKey Key, string Version) Parse(string text) => (Key(text.Split('@')[0]), text.Split('@')[1]);

    private static ObjectKey Key(string name) => new("default", name);

    private static PartialObjectMetadata Written(string name, string version, string value) => new()
    {
        Metadata = new k8s.Models.V1ObjectMeta { Name = name, NamespaceProperty = "default", ResourceVersion = version, Annotations = new Dictionary<string, string> { ["v"] = value } },
    };
}
