using System.Text.Json.Nodes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;

namespace CertOperator.CaInjector;

/// <summary>A kind the CA injector writes into, and which of its fields are caBundles (as cert-manager's injectables.go).</summary>
internal sealed record InjectableKind<T>(string Name, Func<T, IReadOnlyList<CaBundleField>> Fields)
    where T : class, IKubernetesObject<T>;

/// <summary>The four injectable kinds.</summary>
internal static class InjectableKinds
{
    public static InjectableKind<ValidatingWebhookConfiguration> Validating { get; } =
        new("validatingwebhookconfiguration", c => Webhooks(c.Webhooks));

    public static InjectableKind<MutatingWebhookConfiguration> Mutating { get; } =
        new("mutatingwebhookconfiguration", c => Webhooks(c.Webhooks));

    public static InjectableKind<ApiService> ApiServices { get; } =
        new("apiservice", s => [new CaBundleField(s.Spec.CaBundle, bundle => [Add("/spec/caBundle", Base64(bundle))])]);

    /// <summary>Only a CRD converted by a webhook has a caBundle to inject; a missing webhook or clientConfig is created.</summary>
    public static InjectableKind<CustomResourceDefinition> Crds { get; } = new("customresourcedefinition", ConversionWebhook);

    private static List<CaBundleField> Webhooks(List<AdmissionWebhook>? webhooks) =>
        (webhooks ?? []).Select((webhook, i) => new CaBundleField(
            webhook.ClientConfig?.CaBundle,
            bundle => webhook.ClientConfig is null
                ? [Test($"/webhooks/{i}/name", webhook.Name), Add($"/webhooks/{i}/clientConfig", new JsonObject { ["caBundle"] = Base64(bundle) })]
                : [Test($"/webhooks/{i}/name", webhook.Name), Add($"/webhooks/{i}/clientConfig/caBundle", Base64(bundle))]))
        .ToList();

    private static IReadOnlyList<CaBundleField> ConversionWebhook(CustomResourceDefinition crd)
    {
        if (crd.Spec.Conversion is not { Strategy: CustomResourceConversion.WebhookStrategy } conversion)
        {
            return [];
        }

        var guard = Test("/spec/conversion/strategy", CustomResourceConversion.WebhookStrategy);
        return [new CaBundleField(conversion.Webhook?.ClientConfig?.CaBundle, bundle => conversion switch
        {
            { Webhook: null } => [guard, Add("/spec/conversion/webhook", new JsonObject { ["clientConfig"] = new JsonObject { ["caBundle"] = Base64(bundle) } })],
            { Webhook.ClientConfig: null } => [guard, Add("/spec/conversion/webhook/clientConfig", new JsonObject { ["caBundle"] = Base64(bundle) })],
            _ => [guard, Add("/spec/conversion/webhook/clientConfig/caBundle", Base64(bundle))],
        })];
    }

    private static JsonPatchOperation Test(string path, string? value) => new("test", path, JsonValue.Create(value));

    private static JsonPatchOperation Add(string path, JsonNode value) => new("add", path, value);

    private static JsonValue Base64(byte[] bundle) => JsonValue.Create(Convert.ToBase64String(bundle));
}
