using System.Text.Json.Nodes;
using CertOperator.Kubernetes.Client;
using CertOperator.Webhook.Wire;

namespace CertOperator.Webhook.Serving;

/// <summary>
/// Writes the CA bundle into every webhook of our own ValidatingWebhookConfiguration and MutatingWebhookConfiguration
/// whose caBundle differs, with a JSON patch that first tests the webhook's name (so a reordered list fails rather than
/// patching the wrong entry). A configuration that does not exist (yet) is skipped.
/// </summary>
internal sealed class CaBundlePublisher(KubernetesClient client, string? validatingName, string? mutatingName)
{
    /// <summary>Names of the configurations patched.</summary>
    public async Task<IReadOnlyList<string>> PublishAsync(byte[] bundle, CancellationToken ct)
    {
        var patched = new List<string>();
        if (!string.IsNullOrEmpty(validatingName) && await client.TryGetAsync<ValidatingWebhookConfiguration>(null, validatingName, ct) is { } validating
            && Operations(validating.Webhooks, bundle) is { Count: > 0 } validatingOps)
        {
            await client.PatchAsync<ValidatingWebhookConfiguration>(null, validatingName, Patch.Json(validatingOps), ct);
            patched.Add($"ValidatingWebhookConfiguration/{validatingName}");
        }

        if (!string.IsNullOrEmpty(mutatingName) && await client.TryGetAsync<MutatingWebhookConfiguration>(null, mutatingName, ct) is { } mutating
            && Operations(mutating.Webhooks, bundle) is { Count: > 0 } mutatingOps)
        {
            await client.PatchAsync<MutatingWebhookConfiguration>(null, mutatingName, Patch.Json(mutatingOps), ct);
            patched.Add($"MutatingWebhookConfiguration/{mutatingName}");
        }

        return patched;
    }

    public static List<JsonPatchOperation> Operations(IReadOnlyList<WebhookEntry>? webhooks, byte[] bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var operations = new List<JsonPatchOperation>();
        var list = webhooks ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].ClientConfig?.CaBundle is { } current && current.AsSpan().SequenceEqual(bundle))
            {
                continue;
            }

            operations.Add(new("test", $"/webhooks/{i}/name", JsonValue.Create(list[i].Name)));
            operations.Add(new("add", $"/webhooks/{i}/clientConfig/caBundle", JsonValue.Create(Convert.ToBase64String(bundle))));
        }

        return operations;
    }
}
