using CertOperator.Kubernetes;

namespace CertOperator.Kubernetes.Tests;

public sealed class ObjectNamesTests
{
    [Theory]
    [InlineData("web", "-1", "web-1")]
    [InlineData("web", ".17a2b3c4d5e6", "web.17a2b3c4d5e6")]
    public void A_name_that_fits_is_the_base_plus_the_suffix(string baseName, string suffix, string expected) =>
        ObjectNames.Derive(baseName, suffix).Should().Be(expected);

    [Theory]
    [InlineData(253, "-1")]
    [InlineData(252, "-next-key-0123abcd")]
    [InlineData(253, ".18c3f5e2a1b0000f")]
    [InlineData(240, "-0123456789")]
    public void A_long_base_is_cut_and_hashed_to_exactly_the_limit(int length, string suffix)
    {
        var baseName = string.Join('.', Enumerable.Repeat(new string('a', 62), 5))[..length];

        var derived = ObjectNames.Derive(baseName, suffix);

        derived.Length.Should().BeLessThanOrEqualTo(ObjectNames.MaxLength);
        derived.Should().EndWith(suffix).And.StartWith(baseName[..200]);
        derived.Should().MatchRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "Kubernetes' DNS-1123 subdomain rule: labels start and end alphanumeric");
    }

    [Fact]
    public void Two_long_bases_with_the_same_prefix_derive_different_names()
    {
        var shared = new string('b', 250);

        ObjectNames.Derive(shared + "-one", "-1").Should().NotBe(ObjectNames.Derive(shared + "-two", "-1"));
        ObjectNames.Derive(shared + "-one", "-1").Should().Be(ObjectNames.Derive(shared + "-one", "-1"));
    }

    [Fact]
    public void A_cut_that_ends_on_a_dot_or_dash_is_trimmed_so_the_label_stays_valid()
    {
        var baseName = new string('c', 237) + ".-" + new string('d', 30);

        var derived = ObjectNames.Derive(baseName, "-12345");

        derived.Should().NotContain(".-").And.NotContain("--").And.MatchRegex("^c+-[0-9a-f]{8}-12345$");
    }
}
