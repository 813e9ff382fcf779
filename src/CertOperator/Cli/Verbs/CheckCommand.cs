using System.CommandLine;
using System.Net;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Orders;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Cli.Verbs;

/// <summary>
/// `check api`: are the six CRDs served, and may the current user use them? Each resource is listed once;
/// a 404 means the CRD is missing, a 403 names the verb the user lacks.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var api = new Command("api", "Check that the cert-manager API is installed and usable");
        cluster.AddTo(api);
        api.SetAction(cluster.Action("check api", async (context, ct) =>
        {
            var problems = await ProblemsAsync(context.Kube, context.Namespace, ct);
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"check api: {problem}");
            }

            if (problems.Count == 0)
            {
                await context.Out.WriteLineAsync("The cert-manager API is ready");
            }

            return problems.Count == 0 ? 0 : 1;
        }));
        return new Command("check", "Check the installation") { api };
    }

    public static async Task<IReadOnlyList<string>> ProblemsAsync(KubernetesClient kube, string ns, CancellationToken ct)
    {
        var checks = new[]
        {
            ProbeAsync<Certificate>(kube, ns, ct),
            ProbeAsync<CertificateRequest>(kube, ns, ct),
            ProbeAsync<Issuer>(kube, ns, ct),
            ProbeAsync<ClusterIssuer>(kube, null, ct),
            ProbeAsync<Order>(kube, ns, ct),
            ProbeAsync<Challenge>(kube, ns, ct),
        };
        return (await Task.WhenAll(checks)).OfType<string>().ToList();
    }

    private static async Task<string?> ProbeAsync<T>(KubernetesClient kube, string? ns, CancellationToken ct)
        where T : class, IKubernetesObject<T>
    {
        var resource = T.Resource;
        try
        {
            await kube.ListAsync<T>(ns, new ListOptions { Limit = 1 }, ct);
            return null;
        }
        catch (KubernetesApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return $"the CRD {resource.Plural}.{resource.Group} is not installed (404 listing {resource.ApiVersion} {resource.Plural})";
        }
        catch (KubernetesApiException e) when (e.StatusCode == HttpStatusCode.Forbidden)
        {
            return $"forbidden: the current user cannot list {resource.Plural}.{resource.Group}{(ns is null ? "" : $" in namespace {ns}")}: {e.Status.Message}";
        }
    }
}
