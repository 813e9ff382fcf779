using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Kubernetes.Tests.Client;

public sealed class WatchLineParserTests
{
    private static WatchEvent<ConfigMap> Parse(string line) => WatchLineParser.Parse(line, ConfigMap.JsonTypeInfo, "watch configmaps");

    [Theory]
    [InlineData("ADDED", WatchEventType.Added)]
    [InlineData("MODIFIED", WatchEventType.Modified)]
    [InlineData("DELETED", WatchEventType.Deleted)]
    public void Object_events_carry_the_typed_object(string type, WatchEventType expected)
    {
        var change = Parse($$$$$"""{"type":"{{{{{type}}}}}","object":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","namespace":"ns","resourceVersion":"7"},"data":{"k":"v"}}}""");

        change.Type.Should().Be(expected);
        change.Item.Metadata.Name.Should().Be("a");
        change.Item.Metadata.ResourceVersion.Should().Be("7");
        change.Item.Data.Should().Contain("k", "v");
    }

    [Fact]
    public void A_bookmark_carries_only_the_resource_version()
    {
        var change = Parse("""{"type":"BOOKMARK","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":"12345"}}}""");

        change.Type.Should().Be(WatchEventType.Bookmark);
        change.Item.Metadata.ResourceVersion.Should().Be("12345");
    }

    [Fact]
    public void An_error_with_code_410_is_an_expired_signal()
    {
        var act = () => Parse("""{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version: 1 (5)","reason":"Expired","code":410}}""");

        act.Should().Throw<WatchExpiredException>().Which.IsExpired.Should().BeTrue();
    }

    [Fact]
    public void Other_errors_carry_the_status()
    {
        var act = () => Parse("""{"type":"ERROR","object":{"kind":"Status","status":"Failure","message":"internal","reason":"InternalError","code":500}}""");

        var error = act.Should().Throw<KubernetesApiException>().Which;
        error.Should().NotBeOfType<WatchExpiredException>();
        error.Status.Reason.Should().Be("InternalError");
        error.Message.Should().Contain("watch configmaps").And.Contain("internal");
    }

    [Fact]
    public void A_line_without_type_is_rejected()
    {
        var act = () => Parse("""{"object":{}}""");

        act.Should().Throw<KubernetesApiException>().WithMessage("*malformed*");
    }
}
