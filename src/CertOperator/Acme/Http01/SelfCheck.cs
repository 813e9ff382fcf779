using System.Net;
using CertOperator.Crds.Challenges;

namespace CertOperator.Acme.Http01;

/// <summary>Fetches the challenge URL the way the ACME server will, before asking it to validate.</summary>
internal static class SelfCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private const int MaxBodyChars = 1024;

    /// <summary>Null when the body (trimmed) is the key authorization; otherwise what went wrong.</summary>
    public static async Task<string?> RunAsync(HttpClient http, Http01Options options, Challenge challenge, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(challenge);
        var uri = new UriBuilder(Uri.UriSchemeHttp, options.SelfCheckHost ?? challenge.Spec.DnsName, options.SelfCheckPort, SolverResources.ChallengePath(challenge)).Uri;
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Host = challenge.Spec.DnsName;
        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return $"wrong status code '{(int)response.StatusCode}', expected '200'";
            }

            var body = await ReadBodyAsync(response, linked.Token).ConfigureAwait(false);
            return body.Trim() == challenge.Spec.Key
                ? null
                : $"did not get expected response when querying endpoint, expected '{challenge.Spec.Key}' but got: {body}";
        }
        catch (HttpRequestException e)
        {
            return $"failed to perform self check GET request '{uri}': {e.Message}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"failed to perform self check GET request '{uri}': no response within {Timeout.TotalSeconds:0}s";
        }
    }

    /// <summary>Reads at most a little more than a key authorization, so a large page cannot fill memory or the message.</summary>
    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false));
        var buffer = new char[MaxBodyChars];
        var read = await reader.ReadBlockAsync(buffer, ct).ConfigureAwait(false);
        return new string(buffer, 0, read);
    }
}
