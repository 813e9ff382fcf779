namespace CertOperator.Kubernetes.Client;

public sealed partial class KubernetesClient
{
    /// <summary>
    /// POSTs a JSON document to any API path and returns the response body: for APIs that are not stored kinds,
    /// such as a cert-manager DNS-01 webhook's `/apis/&lt;group&gt;/v1alpha1/&lt;solver&gt;` served through the aggregator.
    /// A refusal throws <see cref="KubernetesApiException"/> with the server's Status.
    /// </summary>
    public async Task<byte[]> PostJsonAsync(string path, byte[] body, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(body);
        var request = new ApiRequest(HttpMethod.Post, path) { Body = body, ContentType = ApiRequest.Json };
        using var timeout = _transport.StartTimeout(ct);
        try
        {
            using var response = await _transport.SendAsync(request, timeout.Token).ConfigureAwait(false);
            return await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw _transport.TimedOut(request);
        }
    }
}
