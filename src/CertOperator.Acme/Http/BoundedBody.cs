using System.Net;
using CertOperator.Acme.Model;

namespace CertOperator.Acme.Http;

/// <summary>Reads a response body but refuses more than a fixed number of bytes.</summary>
internal static class BoundedBody
{
    public static async Task<byte[]> ReadAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(response, maxBytes);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(response, maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static AcmeProblemException TooLarge(HttpResponseMessage response, int maxBytes) => new(
        new AcmeProblem
        {
            Type = AcmeErrors.Unknown,
            Detail = $"Response from {response.RequestMessage?.RequestUri} exceeds the {maxBytes}-byte limit.",
        },
        response.StatusCode == HttpStatusCode.OK ? HttpStatusCode.InsufficientStorage : response.StatusCode,
        null);
}
