using System.Text;
using CertOperator.CaInjector;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Tests.CaInjector;

/// <summary>Which fields of each kind are caBundles, and the guarded JSON patch operations that set them.</summary>
public sealed class InjectableKindsTests
{
    private static readonly byte[] Bundle = Encoding.ASCII.GetBytes("PEM");

    [Fact]
    public void Every_webhook_gets_its_caBundle_guarded_by_its_name()
    {
        var configuration = new ValidatingWebhookConfiguration
        {
            Webhooks =
            [
                new AdmissionWebhook { Name = "a.example.com", ClientConfig = new WebhookClientConfig { CaBundle = [1] } },
                new AdmissionWebhook { Name = "b.example.com", ClientConfig = new WebhookClientConfig() },
            ],
        };

        var fields = InjectableKinds.Validating.Fields(configuration);

        fields.Select(f => f.Current?.Length ?? -1).Should().Equal(1, -1);
        Operations(fields[1]).Should().Equal(
            "test /webhooks/1/name \"b.example.com\"",
            "add /webhooks/1/clientConfig/caBundle \"UEVN\"");
    }

    public static TheoryData<string, CustomResourceConversion?, string[]> CrdCases => new()
    {
        { "no conversion", null, [] },
        { "strategy None", new CustomResourceConversion { Strategy = "None" }, [] },
        {
            "webhook with clientConfig", new CustomResourceConversion { Strategy = "Webhook", Webhook = new WebhookConversion { ClientConfig = new WebhookClientConfig() } },
            ["test /spec/conversion/strategy \"Webhook\"", "add /spec/conversion/webhook/clientConfig/caBundle \"UEVN\""]
        },
        {
            "webhook without clientConfig", new CustomResourceConversion { Strategy = "Webhook", Webhook = new WebhookConversion() },
            ["test /spec/conversion/strategy \"Webhook\"", "add /spec/conversion/webhook/clientConfig {\"caBundle\":\"UEVN\"}"]
        },
        {
            "no webhook", new CustomResourceConversion { Strategy = "Webhook" },
            ["test /spec/conversion/strategy \"Webhook\"", "add /spec/conversion/webhook {\"clientConfig\":{\"caBundle\":\"UEVN\"}}"]
        },
    };

    [Theory]
    [MemberData(nameof(CrdCases))]
    public void A_CRD_has_a_caBundle_only_when_converted_by_a_webhook(string name, CustomResourceConversion? conversion, string[] expected)
    {
        var crd = new CustomResourceDefinition { Spec = new CustomResourceDefinitionSpec { Conversion = conversion } };
        InjectableKinds.Crds.Fields(crd).SelectMany(Operations).Should().Equal(expected, name);
    }

    [Fact]
    public void An_APIService_has_spec_caBundle()
    {
        Operations(InjectableKinds.ApiServices.Fields(new ApiService()).Single()).Should().Equal("add /spec/caBundle \"UEVN\"");
    }

    private static IEnumerable<string> Operations(CaBundleField field) =>
        field.Write(Bundle).Select(o => $"{o.Op} {o.Path} {o.Value?.ToJsonString()}");
}
