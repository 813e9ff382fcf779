using System.Text;
using CertOperator.CaInjector;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Events;

namespace CertOperator.Tests.CaInjector;

/// <summary>Whether a Secret yields a CA: certificate-name must match for inject-ca-from, allow-direct-injection for inject-ca-from-secret.</summary>
public sealed class CaReadingTests
{
    private static readonly ObjectKey Certificate = new("prod", "webhook-cert");
    private static readonly byte[] Ca = Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----\n");

    public static TheoryData<string, bool, Dictionary<string, string>?, bool, string> CertificateCases => new()
    {
        { "issued for this Certificate", true, new() { ["cert-manager.io/certificate-name"] = "webhook-cert" }, true, "CA" },
        { "Secret not there yet", false, null, true, "Normal SecretNotFound" },
        { "Secret without certificate-name", true, null, true, "Warning SecretNotOwnedByCertificate" },
        { "Secret of another Certificate", true, new() { ["cert-manager.io/certificate-name"] = "other" }, true, "Warning SecretNotOwnedByCertificate" },
        { "issued without ca.crt", true, new() { ["cert-manager.io/certificate-name"] = "webhook-cert" }, false, "Warning NoCaData" },
    };

    public static TheoryData<string, bool, Dictionary<string, string>?, bool, string> SecretCases => new()
    {
        { "allowed", true, new() { ["cert-manager.io/allow-direct-injection"] = "true" }, true, "CA" },
        { "missing", false, null, true, "Warning SecretNotFound" },
        { "not annotated", true, null, true, "Warning DirectInjectionNotAllowed" },
        { "annotated false", true, new() { ["cert-manager.io/allow-direct-injection"] = "false" }, true, "Warning DirectInjectionNotAllowed" },
        { "annotated True (case matters)", true, new() { ["cert-manager.io/allow-direct-injection"] = "True" }, true, "Warning DirectInjectionNotAllowed" },
        { "allowed without ca.crt", true, new() { ["cert-manager.io/allow-direct-injection"] = "true" }, false, "Warning NoCaData" },
    };

    [Theory]
    [MemberData(nameof(CertificateCases))]
    public void Certificate_secret(string name, bool exists, Dictionary<string, string>? annotations, bool hasCa, string expected) =>
        Describe(CaReading.FromCertificateSecret(Certificate, "webhook-tls", annotations, Data(hasCa), exists)).Should().Be(expected, name);

    [Theory]
    [MemberData(nameof(SecretCases))]
    public void Direct_secret(string name, bool exists, Dictionary<string, string>? annotations, bool hasCa, string expected) =>
        Describe(CaReading.FromSecret(new ObjectKey("prod", "ca"), annotations, Data(hasCa), exists)).Should().Be(expected, name);

    [Fact]
    public void Messages_name_the_annotation_and_the_fix()
    {
        CaReading.MissingCertificate(Certificate).Message.Should().Be(
            "annotation cert-manager.io/inject-ca-from names Certificate prod/webhook-cert, which does not exist: create it or point the annotation at an existing Certificate");
        CaReading.FromSecret(new ObjectKey("prod", "ca"), null, Data(true), exists: true).Message.Should().Be(
            "Secret prod/ca named in annotation cert-manager.io/inject-ca-from-secret does not allow injection: annotate it cert-manager.io/allow-direct-injection: \"true\"");
    }

    [Fact]
    public void Apiserver_CA_needs_a_kubeconfig_CA()
    {
        Describe(CaReading.FromApiServer(Ca)).Should().Be("CA");
        Describe(CaReading.FromApiServer(null)).Should().Be("Warning NoApiServerCa");
    }

    private static Dictionary<string, byte[]> Data(bool hasCa) =>
        hasCa ? new() { ["ca.crt"] = Ca, ["tls.crt"] = [1] } : new() { ["tls.crt"] = [1] };

    private static string Describe(CaReading reading) =>
        reading.Ca is not null ? "CA" : $"{(reading.Type == EventType.Warning ? "Warning" : "Normal")} {reading.Reason}";
}
