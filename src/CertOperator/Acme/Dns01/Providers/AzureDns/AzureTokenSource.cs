using System.Net.Http.Json;
using System.Text.Json;
using CertOperator.Acme.Dns01.Providers.Common;
using CertOperator.Crds.Acme;
using CertOperator.Infrastructure;

namespace CertOperator.Acme.Dns01.Providers.AzureDns;

/// <summary>
/// Resource Manager access tokens, by the three documented requests cert-manager's azidentity makes: a service
/// principal's client-credentials grant, workload identity's federated-token assertion (AZURE_FEDERATED_TOKEN_FILE),
/// and the managed identity endpoint (IMDS).
/// </summary>
internal sealed class AzureTokenSource(HttpClient http, OperatorOptions options, TimeProvider time, Func<string, string?> environment)
{
    private static readonly Uri PublicImds = new("http://169.254.169.254/");

    public Task<string> ClientSecretAsync(AzureCloud cloud, string tenant, string clientId, string secret, CancellationToken ct) =>
        LoginAsync(options.Dns01Endpoint("azuredns-login", cloud.Login), tenant,
            [new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret), new("scope", cloud.Scope)],
            $"service principal {clientId}", ct);

    /// <summary>Workload identity when AZURE_FEDERATED_TOKEN_FILE is set, else the managed identity, as cert-manager chooses.</summary>
    public async Task<string> AmbientAsync(AzureCloud cloud, AzureManagedIdentity? identity, CancellationToken ct)
    {
        if (environment("AZURE_FEDERATED_TOKEN_FILE") is { Length: > 0 } file)
        {
            var clientId = identity?.ClientId is { Length: > 0 } id ? id : environment("AZURE_CLIENT_ID");
            var tenant = identity?.TenantId is { Length: > 0 } t ? t : environment("AZURE_TENANT_ID");
            if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(tenant))
            {
                throw new DnsProviderException("azuredns: workload identity needs a client ID and tenant ID (managedIdentity.clientID/tenantID or AZURE_CLIENT_ID/AZURE_TENANT_ID)");
            }

            string assertion;
            try
            {
                assertion = (await File.ReadAllTextAsync(file, ct)).Trim();
            }
            catch (IOException e)
            {
                throw new DnsProviderException($"azuredns: reading AZURE_FEDERATED_TOKEN_FILE {file}: {e.Message}", inner: e);
            }

            var authority = environment("AZURE_AUTHORITY_HOST") is { Length: > 0 } host ? new Uri(host) : cloud.Login;
            return await LoginAsync(options.Dns01Endpoint("azuredns-login", authority), tenant,
                [
                    new("grant_type", "client_credentials"), new("client_id", clientId), new("scope", cloud.Scope),
                    new("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"), new("client_assertion", assertion),
                ],
                $"workload identity {clientId}", ct);
        }

        var query = $"metadata/identity/oauth2/token?api-version=2018-02-01&resource={Uri.EscapeDataString(cloud.ResourceManager.AbsoluteUri)}"
            + (identity?.ClientId is { Length: > 0 } client ? $"&client_id={Uri.EscapeDataString(client)}" : "")
            + (identity?.ResourceId is { Length: > 0 } resource ? $"&msi_res_id={Uri.EscapeDataString(resource)}" : "");
        var request = new HttpRequestMessage(HttpMethod.Get, ApiUri.Join(options.Dns01Endpoint("azuredns-imds", PublicImds), query));
        request.Headers.Add("Metadata", "true");
        return await TokenAsync(request, "managed identity", ct);
    }

    private Task<string> LoginAsync(Uri authority, string tenant, KeyValuePair<string, string>[] form, string who, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ApiUri.Join(authority, $"{Uri.EscapeDataString(tenant)}/oauth2/v2.0/token"))
        {
            Content = new FormUrlEncodedContent(form),
        };
        return TokenAsync(request, who, ct);
    }

    private async Task<string> TokenAsync(HttpRequestMessage request, string who, CancellationToken ct)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (HttpRequestException e)
            {
                throw new DnsProviderException($"azuredns token for {who}: {request.RequestUri!.GetLeftPart(UriPartial.Authority)} unreachable: {e.Message}", inner: e);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    AzureOAuthError? error = null;
                    try
                    {
                        error = await response.Content.ReadFromJsonAsync(AzureJsonContext.Default.AzureOAuthError, ct);
                    }
                    catch (JsonException)
                    {
                        // Not an OAuth error body; the status says enough.
                    }

                    var retry = response.StatusCode == System.Net.HttpStatusCode.TooManyRequests ? RetryAfter.From(response.Headers, time) ?? TimeSpan.FromSeconds(10) : (TimeSpan?)null;
                    throw new DnsProviderException($"azuredns token for {who} refused: {(int)response.StatusCode} {error?.Error} {FirstLine(error?.Description)}".TrimEnd(), retry);
                }

                AzureToken? token = null;
                try
                {
                    token = await response.Content.ReadFromJsonAsync(AzureJsonContext.Default.AzureToken, ct);
                }
                catch (JsonException)
                {
                    // Reported below as a missing token.
                }

                return token?.AccessToken is { Length: > 0 } value ? value : throw new DnsProviderException($"azuredns token for {who}: the answer carries no access_token");
            }
        }
    }

    /// <summary>Entra error descriptions run to trace and correlation ids over several lines; the first line is the cause.</summary>
    private static string? FirstLine(string? text) => text?.Split('\n', 2)[0].Trim();
}
