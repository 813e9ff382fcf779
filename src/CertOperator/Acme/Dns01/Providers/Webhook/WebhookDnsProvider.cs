using System.Net;
using System.Text.Json;
using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;
using CertOperator.Dns;
using CertOperator.Kubernetes.Client;
using Microsoft.Extensions.Logging;

namespace CertOperator.Acme.Dns01.Providers.Webhook;

/// <summary>
/// cert-manager's external webhook solvers (`dns01.webhook`): POSTs a <see cref="ChallengePayload"/> to
/// `/apis/&lt;groupName&gt;/v1alpha1/&lt;solverName&gt;` on the Kubernetes API, which the aggregator forwards to the
/// solver's APIService, and reads `response.success` / `response.status.message`. Community solvers work unchanged.
/// </summary>
internal sealed partial class WebhookDnsProvider(KubernetesClient kube, ITxtRecordChecker dns, ILogger<WebhookDnsProvider> logger) : IDnsProvider
{
    private const string Version = "v1alpha1";

    public string Field => "webhook";

    public bool IsSelected(AcmeChallengeSolverDns01 config) => config.Webhook is not null;

    public Task PresentAsync(DnsChallengeRecord record, CancellationToken ct) => CallAsync(record, ChallengeRequest.Present, ct);

    public Task CleanUpAsync(DnsChallengeRecord record, CancellationToken ct) => CallAsync(record, ChallengeRequest.CleanUp, ct);

    private async Task CallAsync(DnsChallengeRecord record, string action, CancellationToken ct)
    {
        var webhook = record.Config.Webhook!;
        if (string.IsNullOrWhiteSpace(webhook.GroupName) || string.IsNullOrWhiteSpace(webhook.SolverName) || webhook.GroupName.Contains('/') || webhook.SolverName.Contains('/'))
        {
            throw new SolverConfigurationException("solver dns01.webhook needs groupName (an API group, e.g. acme.example.com) and solverName, neither containing '/'");
        }

        var solver = $"{webhook.GroupName}/{webhook.SolverName}";
        var payload = new ChallengePayload
        {
            ApiVersion = $"{webhook.GroupName}/{Version}",
            Request = new ChallengeRequest
            {
                Uid = Guid.NewGuid().ToString(),
                Action = action,
                DnsName = record.DnsName,
                Key = record.Value,
                ResourceNamespace = record.SecretNamespace,
                ResolvedFqdn = record.Fqdn,
                ResolvedZone = await dns.FindZoneAsync(record.Fqdn, ct),
                AllowAmbientCredentials = record.AllowAmbientCredentials,
                Config = webhook.Config,
            },
        };
        var path = $"/apis/{Uri.EscapeDataString(webhook.GroupName)}/{Version}/{Uri.EscapeDataString(webhook.SolverName)}";
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, WebhookSolverJsonContext.Default.ChallengePayload);
        byte[] answer;
        try
        {
            answer = await kube.PostJsonAsync(path, body, ct);
        }
        catch (KubernetesApiException e)
        {
            throw new DnsProviderException(Refusal(solver, action, e), inner: e);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException)
        {
            throw new DnsProviderException($"webhook solver {solver}: {action} failed: {e.Message}", inner: e);
        }

        var response = Parse(answer, solver, action);
        if (!response.Success)
        {
            throw new DnsProviderException(
                $"webhook solver {solver}: {action} failed: {response.Status?.Message ?? "the solver did not succeed and gave no reason"}");
        }

        LogCalled(logger, solver, action, record.Fqdn);
    }

    private static ChallengeResponse Parse(byte[] answer, string solver, string action)
    {
        try
        {
            return JsonSerializer.Deserialize(answer, WebhookSolverJsonContext.Default.ChallengePayload)?.Response
                ?? throw new DnsProviderException($"webhook solver {solver}: the {action} answer has no response");
        }
        catch (JsonException e)
        {
            throw new DnsProviderException($"webhook solver {solver}: the {action} answer is not a ChallengePayload: {e.Message}", inner: e);
        }
    }

    private static string Refusal(string solver, string action, KubernetesApiException e) => e.StatusCode switch
    {
        HttpStatusCode.NotFound =>
            $"webhook solver {solver}: the API server does not serve it ({e.Status.Message}); is the webhook installed, with an APIService {Version}.{solver.Split('/')[0]} that is Available, and the solverName right?",
        HttpStatusCode.Forbidden =>
            $"webhook solver {solver}: the operator may not create {solver.Split('/')[1]}.{solver.Split('/')[0]} ({e.Status.Message}); grant it create on that resource",
        _ => $"webhook solver {solver}: {action} failed: {(int)e.StatusCode} {e.Status.Reason}: {e.Status.Message}",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook solver {Solver}: {Action} succeeded for {Fqdn}")]
    private static partial void LogCalled(ILogger logger, string solver, string action, string fqdn);
}
