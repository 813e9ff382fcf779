using System.CommandLine;
using CertOperator.Certificates;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;

namespace CertOperator.Cli.Verbs;

/// <summary>
/// `renew`: what cmctl renew does — sets Issuing=True (ManuallyTriggered) through the status subresource,
/// which starts a new issuance at once, past any failure backoff.
/// </summary>
internal static class RenewCommand
{
    public const string Reason = "ManuallyTriggered";
    public const string Message = "Certificate re-issuance manually triggered";

    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var names = new Argument<string[]>("name") { Description = "Certificates to renew", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Renew every Certificate in the namespace" };
        var selector = new Option<string?>("--selector", "-l") { Description = "Renew the Certificates matching this label selector" };
        var command = new Command("renew", "Mark Certificates for manual re-issuance") { names, all, selector };
        cluster.AddTo(command);
        command.SetAction(cluster.Action("renew", async (context, ct) =>
        {
            var targets = await TargetsAsync(context, context.Parse.GetValue(names) ?? [], context.Parse.GetValue(all), context.Parse.GetValue(selector), ct);
            foreach (var name in targets)
            {
                await TriggerAsync(context.Kube, context.Namespace, name, ct);
                await context.Out.WriteLineAsync($"Manually triggered issuance of Certificate {context.Namespace}/{name}");
            }

            return 0;
        }));
        return command;
    }

    private static async Task<IReadOnlyList<string>> TargetsAsync(VerbContext context, string[] names, bool all, string? selector, CancellationToken ct)
    {
        if ((names.Length > 0 ? 1 : 0) + (all ? 1 : 0) + (selector is null ? 0 : 1) != 1)
        {
            throw new VerbException("name one or more Certificates, or pass --all, or pass -l SELECTOR (exactly one of these)");
        }

        if (names.Length > 0)
        {
            return names;
        }

        var list = await context.Kube.ListAsync<Certificate>(context.Namespace, new ListOptions { LabelSelector = selector }, ct);
        return list.Items.Select(c => c.Metadata.Name!).ToList();
    }

    public static Task TriggerAsync(KubernetesClient kube, string ns, string name, CancellationToken ct) =>
        ConflictRetry.RetryOnConflictAsync(async token =>
        {
            var certificate = await kube.TryGetAsync<Certificate>(ns, name, token)
                ?? throw new VerbException($"Certificate {ns}/{name} does not exist");
            if (Conditions.IsTrue(certificate.Status?.Conditions, ConditionTypes.Issuing))
            {
                throw new VerbException($"Certificate {ns}/{name} is already being issued (Issuing=True); wait for it or check `status certificate {name}`");
            }

            // Written as the operator's issuance field manager, so the issuing controller can remove the condition again.
            var slice = CertificateStatusSlices.Issuance(certificate);
            Conditions.Set(slice.Conditions ??= [], ConditionTypes.Issuing, Conditions.True, Reason, Message, certificate.Metadata.Generation, TimeProvider.System);
            await CertificateStatusSlices.ApplyIssuanceAsync(kube, certificate, slice, readiness: null, TimeProvider.System, token);
        }, maxAttempts: 5, ct: ct);
}
