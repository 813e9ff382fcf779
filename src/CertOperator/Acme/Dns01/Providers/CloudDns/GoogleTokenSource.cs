using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CertOperator.Infrastructure;

namespace CertOperator.Acme.Dns01.Providers.CloudDns;

/// <summary>
/// Google OAuth access tokens for Cloud DNS: a service account key's JWT-bearer grant (RFC 7523, signed RS256 with
/// the key, timed by our clock), or ambiently the key file GOOGLE_APPLICATION_CREDENTIALS names, else the metadata
/// server (GCE, GKE Workload Identity).
/// </summary>
internal sealed class GoogleTokenSource(HttpClient http, OperatorOptions options, TimeProvider time, Func<string, string?> environment)
{
    public const string Scope = "https://www.googleapis.com/auth/ndev.clouddns.readwrite";
    private static readonly Uri PublicTokenUri = new("https://oauth2.googleapis.com/token");
    private static readonly Uri PublicMetadataUri = new("http://metadata.google.internal/");

    public async Task<string> FromKeyAsync(string keyJson, string source, CancellationToken ct)
    {
        GoogleServiceAccountKey? key;
        try
        {
            key = JsonSerializer.Deserialize(keyJson, CloudDnsJsonContext.Default.GoogleServiceAccountKey);
        }
        catch (JsonException e)
        {
            // The parser's message may quote part of the key; say only where it came from.
            throw new DnsProviderException($"clouddns: {source} is not a service account JSON key", inner: e);
        }

        if (key is not { ClientEmail.Length: > 0, PrivateKey.Length: > 0 })
        {
            throw new DnsProviderException($"clouddns: {source} is not a service account JSON key (client_email and private_key are required)");
        }

        var audience = options.Dns01Endpoint("clouddns-token", key.TokenUri is { Length: > 0 } uri ? new Uri(uri) : PublicTokenUri);
        var assertion = Assertion(key, audience);
        using var form = new FormUrlEncodedContent([new("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), new("assertion", assertion)]);
        return await TokenAsync(new HttpRequestMessage(HttpMethod.Post, audience) { Content = form }, $"token exchange for {key.ClientEmail}", ct);
    }

    public async Task<string> AmbientAsync(CancellationToken ct)
    {
        if (environment("GOOGLE_APPLICATION_CREDENTIALS") is { Length: > 0 } file)
        {
            string json;
            try
            {
                json = await File.ReadAllTextAsync(file, ct);
            }
            catch (IOException e)
            {
                throw new DnsProviderException($"clouddns: reading GOOGLE_APPLICATION_CREDENTIALS {file}: {e.Message}", inner: e);
            }

            return await FromKeyAsync(json, $"GOOGLE_APPLICATION_CREDENTIALS {file}", ct);
        }

        var metadata = options.Dns01Endpoint("clouddns-metadata", PublicMetadataUri);
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(metadata, "computeMetadata/v1/instance/service-accounts/default/token"));
        request.Headers.Add("Metadata-Flavor", "Google");
        return await TokenAsync(request, "metadata server token", ct);
    }

    private string Assertion(GoogleServiceAccountKey key, Uri audience)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new JwtHeader { Kid = key.PrivateKeyId }, CloudDnsJsonContext.Default.JwtHeader));
        var claims = Base64Url(JsonSerializer.SerializeToUtf8Bytes(
            new JwtClaims { Iss = key.ClientEmail!, Scope = Scope, Aud = audience.AbsoluteUri, IssuedAt = now, Expires = now + 3600 },
            CloudDnsJsonContext.Default.JwtClaims));
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(key.PrivateKey);
        }
        catch (ArgumentException e)
        {
            throw new DnsProviderException($"clouddns: the private_key of service account {key.ClientEmail} is not a PEM RSA key", inner: e);
        }

        var signature = rsa.SignData(System.Text.Encoding.ASCII.GetBytes($"{header}.{claims}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{claims}.{Base64Url(signature)}";
    }

    private async Task<string> TokenAsync(HttpRequestMessage request, string what, CancellationToken ct)
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
                throw new DnsProviderException($"clouddns {what}: {request.RequestUri!.GetLeftPart(UriPartial.Authority)} unreachable: {e.Message}", inner: e);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    var error = await ReadAsync(response, CloudDnsJsonContext.Default.OAuthError, ct);
                    throw new DnsProviderException($"clouddns {what} refused: {(int)response.StatusCode} {error?.Error} {error?.Description}".TrimEnd());
                }

                return (await ReadAsync(response, CloudDnsJsonContext.Default.GoogleAccessToken, ct))?.AccessToken is { Length: > 0 } token
                    ? token
                    : throw new DnsProviderException($"clouddns {what}: the answer carries no access_token");
            }
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, ct);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
