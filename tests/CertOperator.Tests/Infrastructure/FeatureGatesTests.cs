using CertOperator.Infrastructure;

namespace CertOperator.Tests.Infrastructure;

/// <summary>`--feature-gates` in cert-manager's syntax: ACMEUseARI is acted on, other cert-manager gates are accepted and listed.</summary>
public sealed class FeatureGatesTests
{
    [Theory]
    [InlineData(null, false, new string[0])]
    [InlineData("", false, new string[0])]
    [InlineData("ACMEUseARI=true", true, new string[0])]
    [InlineData("ACMEUseARI=false", false, new string[0])]
    [InlineData(" ACMEUseARI = True , ServerSideApply=true", true, new[] { "ServerSideApply" })]
    [InlineData("ACMEUseARI=true,ACMEUseARI=false", false, new string[0])]
    public void Gates_parse_as_in_cert_manager(string? text, bool acmeUseAri, string[] ignored)
    {
        var gates = FeatureGates.Parse(text, out var error);

        error.Should().BeNull();
        gates!.AcmeUseAri.Should().Be(acmeUseAri);
        gates.Ignored.Should().Equal(ignored);
    }

    [Theory]
    [InlineData("ACMEUseARI")]
    [InlineData("ACMEUseARI=maybe")]
    [InlineData("=true")]
    public void An_entry_that_is_not_a_boolean_gate_is_refused(string text)
    {
        FeatureGates.Parse(text, out var error).Should().BeNull();
        error.Should().Contain(text.Trim()).And.Contain("is not Name=true or Name=false");
    }

    [Fact]
    public void ACMEUseARI_is_off_by_default_as_in_cert_manager_1_21() => FeatureGates.Default.AcmeUseAri.Should().BeFalse();
}
