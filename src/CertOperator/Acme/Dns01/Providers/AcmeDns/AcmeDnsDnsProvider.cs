using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;
using CertOperator.Kubernetes.Client;
using Microsoft.Extensions.Logging;

namespace CertOperator.Acme.Dns01.Providers.AcmeDns;

/// <summary>
/// acme-dns (cert-manager's `dns01.acmeDNS`): `_acme-challenge.&lt;domain&gt;` is a CNAME to the account's `fulldomain`
/// on the acme-dns server, which keeps the latest TXT values itself; so present is `POST /update` with the domain's
/// account from the Secret, and cleanup does nothing, as in cert-manager.
/// </summary>
internal sealed partial class AcmeDnsDnsProvider(KubernetesClient kube, TimeProvider time, ILogger<AcmeDnsDnsProvider> logger) : IDnsProvider, IDisposable
{
    private const string AccountField = "dns01.acmeDNS.accountSecretRef";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Field => "acmeDNS";

    public bool IsSelected(AcmeChallengeSolverDns01 config) => config.AcmeDns is not null;

    public async Task PresentAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var config = record.Config.AcmeDns!;
        if (!Uri.TryCreate(config.Host, UriKind.Absolute, out var host) || host.Scheme is not ("http" or "https"))
        {
            throw new SolverConfigurationException($"solver dns01.acmeDNS.host \"{config.Host}\" is not an http(s) URL, e.g. https://auth.acme-dns.io");
        }

        var account = await AccountAsync(record, ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(EndpointUri.WithSlash(host), "update"))
        {
            Content = JsonContent.Create(new AcmeDnsUpdate { Subdomain = account.Subdomain!, Txt = record.Value }, AcmeDnsJsonContext.Default.AcmeDnsUpdate),
        };
        request.Headers.Add("X-Api-User", account.Username);
        request.Headers.Add("X-Api-Key", account.Password);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new DnsProviderException($"acme-dns POST {host.GetLeftPart(UriPartial.Authority)}/update: {e.Message}", inner: e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await RefusedAsync(response, host, ct);
            }
        }

        LogPresented(logger, account.FullDomain ?? account.Subdomain!, record.DnsName);
    }

    /// <summary>acme-dns has no delete: it keeps the two latest values per account, so stale ones roll off.</summary>
    public Task CleanUpAsync(DnsChallengeRecord record, CancellationToken ct) => Task.CompletedTask;

    public void Dispose() => _http.Dispose();

    private async Task<AcmeDnsAccount> AccountAsync(DnsChallengeRecord record, CancellationToken ct)
    {
        var selector = record.Config.AcmeDns!.AccountSecretRef;
        var bytes = await ProviderSecret.ReadBytesAsync(kube, record.SecretNamespace, selector, AccountField, null, ct);
        Dictionary<string, AcmeDnsAccount>? accounts;
        try
        {
            accounts = JsonSerializer.Deserialize(bytes, AcmeDnsJsonContext.Default.DictionaryStringAcmeDnsAccount);
        }
        catch (JsonException)
        {
            // The parser's message may quote the Secret's content; say only where it failed.
            throw new SolverConfigurationException(
                $"solver {AccountField}: Secret \"{record.SecretNamespace}/{selector.Name}\" key \"{selector.Key}\" is not a JSON object of domain to acme-dns account");
        }

        var domain = record.DnsName.TrimEnd('.');
        var account = accounts?.FirstOrDefault(a => string.Equals(a.Key, domain, StringComparison.OrdinalIgnoreCase)).Value
            ?? throw new DnsProviderException(
                $"solver {AccountField}: Secret \"{record.SecretNamespace}/{selector.Name}\" has no acme-dns account for domain \"{domain}\"; register one and add it under that key");
        if (string.IsNullOrEmpty(account.Username) || string.IsNullOrEmpty(account.Password) || string.IsNullOrEmpty(account.Subdomain))
        {
            throw new DnsProviderException($"solver {AccountField}: the acme-dns account for \"{domain}\" lacks username, password or subdomain");
        }

        if (account.Username.Any(char.IsControl) || account.Password.Any(char.IsControl))
        {
            throw new SolverConfigurationException($"solver {AccountField}: the acme-dns account for \"{domain}\" has a control character in its username or password");
        }

        return account;
    }

    private async Task<DnsProviderException> RefusedAsync(HttpResponseMessage response, Uri host, CancellationToken ct)
    {
        var text = await ProviderResponse.ErrorBodyAsync(response, ct);
        string? error;
        try
        {
            error = JsonSerializer.Deserialize(text, AcmeDnsJsonContext.Default.AcmeDnsError)?.Error;
        }
        catch (JsonException)
        {
            error = null;
        }

        var hint = response.StatusCode == HttpStatusCode.Unauthorized ? " (check the account's username and password, and its allowfrom networks)" : string.Empty;
        return new DnsProviderException(
            $"acme-dns POST {host.GetLeftPart(UriPartial.Authority)}/update answered {ProviderResponse.Describe(response)}: {error ?? "no error details in the answer"}{hint}",
            ProviderResponse.RetryAfter(response, time));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "acme-dns: updated the TXT value of {FullDomain} for {Domain}")]
    private static partial void LogPresented(ILogger logger, string fullDomain, string domain);
}
