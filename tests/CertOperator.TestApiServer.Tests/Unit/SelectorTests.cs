using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Api;
using CertOperator.TestApiServer.Selectors;

namespace CertOperator.TestApiServer.Tests.Unit;

public sealed class SelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "1" };

    [Theory]
    [InlineData("", true)]
    [InlineData("app=web", true)]
    [InlineData("app = web , tier==1", true)]
    [InlineData("app!=web", false)]
    [InlineData("missing!=x", true)]
    [InlineData("app in (db, web)", true)]
    [InlineData("app notin (db,web)", false)]
    [InlineData("tier,app", true)]
    [InlineData("!app", false)]
    [InlineData("!missing", true)]
    public void Label_selector_requirements(string selector, bool matches) =>
        LabelSelector.Parse(selector).Matches(Labels).Should().Be(matches);

    [Fact]
    public void Field_selector_rejects_unsupported_fields()
    {
        var act = () => FieldSelector.Parse("spec.size=1", "Widget");
        act.Should().Throw<ApiException>().Which.Code.Should().Be(400);
        FieldSelector.Parse("type=kubernetes.io/tls", "Secret").Matches(new JsonObject { ["type"] = "kubernetes.io/tls" }).Should().BeTrue();
    }
}
