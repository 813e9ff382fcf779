using System.CommandLine;
using System.Globalization;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Orders;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Cli.Verbs;

/// <summary>
/// `status certificate NAME`: the whole issuance chain on one screen (Certificate → CertificateRequest →
/// Order → Challenges → Secret), so the step where issuance is stuck is visible at once.
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var name = new Argument<string>("name") { Description = "Name of the Certificate" };
        var certificate = new Command("certificate", "Show a Certificate's conditions, its request, order, challenges and Secret") { name };
        cluster.AddTo(certificate);
        certificate.SetAction(cluster.Action("status certificate", async (context, ct) =>
        {
            var lines = await DescribeAsync(context.Kube, context.Namespace, context.Parse.GetValue(name)!, ct);
            foreach (var line in lines)
            {
                await context.Out.WriteLineAsync(line);
            }

            return 0;
        }));
        return new Command("status", "Show why an object is (not) ready") { certificate };
    }

    public static async Task<IReadOnlyList<string>> DescribeAsync(KubernetesClient kube, string ns, string name, CancellationToken ct)
    {
        var certificate = await kube.TryGetAsync<Certificate>(ns, name, ct)
            ?? throw new VerbException($"Certificate {ns}/{name} does not exist");
        var status = certificate.Status;
        var lines = new List<string>
        {
            $"Certificate: {ns}/{name}",
            $"  Issuer: {certificate.Spec.IssuerRef.Kind ?? "Issuer"}/{certificate.Spec.IssuerRef.Name}",
            $"  Not before: {SecretReport.Time(status?.NotBefore)}  Not after: {SecretReport.Time(status?.NotAfter)}  Renewal: {SecretReport.Time(status?.RenewalTime)}",
            $"  Revision: {status?.Revision?.ToString(CultureInfo.InvariantCulture) ?? "-"}",
        };
        lines.AddRange(ConditionLines(status?.Conditions));

        var request = await FindRequestAsync(kube, certificate, ct);
        lines.Add(request is null ? "CertificateRequest: none in flight" : $"CertificateRequest: {request.Metadata.Name} (revision {Revision(request)})");
        if (request is not null)
        {
            lines.AddRange(ConditionLines(request.Status?.Conditions));
            await AddOrderAsync(kube, ns, request.Metadata.Name!, lines, ct);
        }

        var secret = await kube.TryGetAsync<Secret>(ns, certificate.Spec.SecretName, ct);
        lines.Add($"Secret: {certificate.Spec.SecretName}: {SecretReport.Summary(secret, DateTimeOffset.UtcNow)}");
        return lines;
    }

    /// <summary>The request of the next revision while issuing, else the one of the current revision.</summary>
    private static async Task<CertificateRequest?> FindRequestAsync(KubernetesClient kube, Certificate certificate, CancellationToken ct)
    {
        var requests = (await kube.ListAsync<CertificateRequest>(certificate.Metadata.NamespaceProperty, ct: ct)).Items
            .Where(r => r.Metadata.OwnerReferences?.Any(o => o.Uid == certificate.Metadata.Uid) == true)
            .ToList();
        var revision = certificate.Status?.Revision ?? 0;
        string[] wanted = [(revision + 1).ToString(CultureInfo.InvariantCulture), revision.ToString(CultureInfo.InvariantCulture)];
        return wanted.Select(w => requests.FirstOrDefault(r => Revision(r) == w)).FirstOrDefault(r => r is not null);
    }

    private static string Revision(CertificateRequest request) =>
        request.Metadata.Annotations?.GetOrDefault(CertManagerAnnotations.CertificateRevision) ?? "-";

    private static async Task AddOrderAsync(KubernetesClient kube, string ns, string name, List<string> lines, CancellationToken ct)
    {
        var order = await kube.TryGetAsync<Order>(ns, name, ct);
        if (order is null)
        {
            lines.Add("Order: none");
            return;
        }

        lines.Add($"Order: {name}");
        lines.Add($"  State: {order.Status?.State ?? "-"}  Reason: {order.Status?.Reason ?? "-"}");
        lines.Add($"  URL: {order.Status?.Url ?? "-"}");
        var challenges = (await kube.ListAsync<Challenge>(ns, ct: ct)).Items
            .Where(c => c.Metadata.OwnerReferences?.Any(o => o.Uid == order.Metadata.Uid) == true)
            .ToList();
        lines.Add(challenges.Count == 0 ? "Challenges: none" : "Challenges:");
        lines.AddRange(challenges.Select(c =>
            $"  {c.Metadata.Name}: {c.Spec.Type} {c.Spec.DnsName} presented={(c.Status?.Presented == true ? "true" : "false")} state={c.Status?.State ?? "-"} reason={c.Status?.Reason ?? "-"}"));
    }

    private static IEnumerable<string> ConditionLines(List<Condition>? conditions) => conditions is null or []
        ? ["  Conditions: none"]
        : conditions.Select(c => $"  {c.Type}={c.Status} {c.Reason ?? "-"}: {c.Message ?? ""}");
}
