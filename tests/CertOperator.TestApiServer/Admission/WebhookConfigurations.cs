using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Api;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Model;

namespace CertOperator.TestApiServer.Admission;

/// <summary>
/// The webhooks of stored Mutating/ValidatingWebhookConfigurations that apply to a request: configurations in name
/// order, webhooks in list order, filtered by rules, namespaceSelector and objectSelector as the apiserver does.
/// </summary>
internal static class WebhookConfigurations
{
    public const string Mutating = "admissionregistration.k8s.io/mutatingwebhookconfigurations";
    public const string Validating = "admissionregistration.k8s.io/validatingwebhookconfigurations";

    /// <summary>The label every namespace carries on a real apiserver (1.21+), matched even where this server did not store it.</summary>
    private const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    public static bool Any(ServerContext ctx) =>
        ctx.Store.List(Mutating, null).Count > 0 || ctx.Store.List(Validating, null).Count > 0;

    public static IReadOnlyList<JsonObject> Matching(ServerContext ctx, string storageKey, AdmissionAttempt attempt)
    {
        var namespaceLabels = NamespaceLabels(ctx, attempt);
        var objectLabels = ResourceService.Labels(attempt.Object);
        var oldLabels = attempt.OldObject is null ? null : ResourceService.Labels(attempt.OldObject);
        return ctx.Store.List(storageKey, null)
            .SelectMany(p => (p.Object["webhooks"] as JsonArray ?? []).OfType<JsonObject>())
            .Where(hook => WebhookRules.Match(hook["rules"], attempt.Type, attempt.Subresource, attempt.Operation)
                && (namespaceLabels is null || SelectorMatch.Matches(hook["namespaceSelector"], namespaceLabels))
                && (SelectorMatch.Matches(hook["objectSelector"], objectLabels) || (oldLabels is not null && SelectorMatch.Matches(hook["objectSelector"], oldLabels))))
            .ToList();
    }

    /// <summary>Labels a namespaceSelector is matched against: the object's namespace, or the Namespace itself; null for other cluster-scoped kinds.</summary>
    private static Dictionary<string, string>? NamespaceLabels(ServerContext ctx, AdmissionAttempt attempt)
    {
        JsonObject? ns;
        string name;
        if (attempt.Type == BuiltInTypes.Namespaces)
        {
            ns = attempt.Object;
            name = attempt.Name;
        }
        else if (attempt.Type.Namespaced)
        {
            name = attempt.Namespace ?? "";
            ns = ctx.Store.Get(BuiltInTypes.Namespaces.StorageKey, "", name);
        }
        else
        {
            return null;
        }

        var labels = ns is null ? [] : ResourceService.Labels(ns);
        labels.TryAdd(NamespaceNameLabel, name);
        return labels;
    }
}
