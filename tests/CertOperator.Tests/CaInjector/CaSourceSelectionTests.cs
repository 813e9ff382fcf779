using CertOperator.CaInjector;

namespace CertOperator.Tests.CaInjector;

/// <summary>Which annotation selects which CA source, in cert-manager's order (secret, certificate, apiserver).</summary>
public sealed class CaSourceSelectionTests
{
    private const string FromSecret = "cert-manager.io/inject-ca-from-secret";
    private const string FromCertificate = "cert-manager.io/inject-ca-from";
    private const string ApiServer = "cert-manager.io/inject-apiserver-ca";

    public static TheoryData<string, Dictionary<string, string>?, string> Cases => new()
    {
        { "no annotations", null, "None" },
        { "unrelated annotations", new() { ["a"] = "b" }, "None" },
        { "inject-ca-from", new() { [FromCertificate] = "prod/webhook-cert" }, "Certificate prod/webhook-cert" },
        { "inject-ca-from-secret", new() { [FromSecret] = "prod/ca" }, "Secret prod/ca" },
        { "apiserver CA", new() { [ApiServer] = "true" }, "ApiServer" },
        { "apiserver CA needs exactly true", new() { [ApiServer] = "True" }, "None" },
        { "secret wins over certificate", new() { [FromSecret] = "a/s", [FromCertificate] = "b/c" }, "Secret a/s" },
        { "certificate wins over apiserver", new() { [FromCertificate] = "b/c", [ApiServer] = "true" }, "Certificate b/c" },
        { "name only is refused", new() { [FromCertificate] = "webhook-cert" }, "Certificate invalid" },
        { "empty namespace is refused", new() { [FromCertificate] = "/webhook-cert" }, "Certificate invalid" },
        { "empty name is refused", new() { [FromSecret] = "prod/" }, "Secret invalid" },
        { "present but empty still selects and is refused", new() { [FromSecret] = "", [FromCertificate] = "b/c" }, "Secret invalid" },
        { "split at the first slash", new() { [FromCertificate] = "ns/a/b" }, "Certificate ns/a/b" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Selects_the_source_cert_manager_would(string name, Dictionary<string, string>? annotations, string expected)
    {
        var source = CaSourceSelection.Select(annotations);
        var actual = source switch
        {
            { Kind: CaSourceKind.None } => "None",
            { Problem: not null } => $"{source.Kind} invalid",
            { Reference: { } reference } => $"{source.Kind} {reference}",
            _ => source.Kind.ToString(),
        };
        actual.Should().Be(expected, name);
    }

    [Fact]
    public void An_invalid_annotation_names_itself_and_the_fix()
    {
        var source = CaSourceSelection.Select(new Dictionary<string, string> { [FromCertificate] = "webhook-cert" });
        source.Problem.Should().Be(
            "annotation cert-manager.io/inject-ca-from: \"webhook-cert\" is not <namespace>/<name>: set it to the namespace and name of the Certificate, e.g. \"my-namespace/my-certificate\"");
    }
}
