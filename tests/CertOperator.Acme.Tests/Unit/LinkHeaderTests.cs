using CertOperator.Acme.Http;

namespace CertOperator.Acme.Tests.Unit;

public sealed class LinkHeaderTests
{
    [Fact]
    public void Parses_several_links_per_header_and_resolves_relative_targets()
    {
        var links = LinkHeader.Parse(
            ["<https://acme.test/cert/1/1>;rel=\"alternate\", </dir>; rel=index", "<2>; title=\"x\"; rel=\"alternate\""],
            new Uri("https://acme.test/cert/1"));

        links.Should().Equal(
            new LinkHeader(new Uri("https://acme.test/cert/1/1"), "alternate"),
            new LinkHeader(new Uri("https://acme.test/dir"), "index"),
            new LinkHeader(new Uri("https://acme.test/cert/2"), "alternate"));
    }
}
