using CertOperator.Cli;

namespace CertOperator.Tests.Cli;

public sealed class ProviderEndpointsTests
{
    [Fact]
    public void Each_value_maps_a_provider_field_to_its_url_and_a_later_value_wins()
    {
        var endpoints = ProviderEndpoints.Parse(["route53=https://localhost:4566", "cloudflare=http://127.0.0.1:8080/client/v4", "route53=https://aws.test"], out var error);

        error.Should().BeNull();
        endpoints.Should().BeEquivalentTo(new Dictionary<string, Uri>
        {
            ["route53"] = new("https://aws.test"),
            ["cloudflare"] = new("http://127.0.0.1:8080/client/v4"),
        });
    }

    [Theory]
    [InlineData("route53")]
    [InlineData("=https://aws.test")]
    [InlineData("route53=not a url")]
    [InlineData("route53=ftp://aws.test")]
    public void A_value_that_is_not_provider_equals_http_url_is_refused_by_name(string value)
    {
        ProviderEndpoints.Parse([value], out var error).Should().BeNull();

        error.Should().Be($"\"{value}\" is not provider=URL with an http or https URL, e.g. route53=https://localhost:4566");
    }
}
