using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CertOperator.Acme.Dns01.Providers.Route53;

/// <summary>
/// AWS Signature Version 4 for one HttpRequestMessage. AWSSDK.Core's AWS4Signer signs only its own IRequest model
/// and reads its own clock, so this follows the published algorithm instead, with the time passed in.
/// </summary>
internal static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Adds `X-Amz-Date`, `X-Amz-Security-Token` (temporary credentials) and `Authorization` to <paramref name="request"/>.</summary>
    public static void Sign(HttpRequestMessage request, byte[] body, AwsCredentials credentials, string region, string service, DateTimeOffset now)
    {
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.Remove("X-Amz-Date");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.Remove("X-Amz-Security-Token");
        if (credentials.SessionToken is { Length: > 0 } token)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token);
        }

        var uri = request.RequestUri ?? throw new ArgumentException("the request has no URI", nameof(request));
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}" };
        foreach (var (name, values) in request.Headers.Where(h => h.Key.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase)))
        {
            headers[name.ToLowerInvariant()] = string.Join(",", values.Select(v => v.Trim()));
        }

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers["content-type"] = contentType.ToString();
        }

        var signature = Signature(request.Method.Method, uri, headers, body, credentials.SecretAccessKey, region, service, amzDate, out var signedHeaders);
        var scope = $"{amzDate[..8]}/{region}/{service}/aws4_request";
        request.Headers.TryAddWithoutValidation("Authorization", $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    /// <summary>The hex signature over a request's canonical form; <paramref name="headers"/> are the signed ones, lower-case names.</summary>
    public static string Signature(
        string method, Uri uri, IReadOnlyDictionary<string, string> headers, byte[] body, string secretAccessKey,
        string region, string service, string amzDate, out string signedHeaders)
    {
        var sorted = headers.OrderBy(h => h.Key, StringComparer.Ordinal).ToList();
        signedHeaders = string.Join(";", sorted.Select(h => h.Key));
        var canonicalRequest = string.Join("\n",
            method,
            CanonicalPath(uri),
            CanonicalQuery(uri),
            string.Concat(sorted.Select(h => $"{h.Key}:{h.Value.Trim()}\n")),
            signedHeaders,
            Hex(SHA256.HashData(body)));
        var scope = $"{amzDate[..8]}/{region}/{service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), amzDate[..8]);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    private static string CanonicalPath(Uri uri)
    {
        var path = uri.AbsolutePath;
        return path.Length == 0
            ? "/"
            : string.Join("/", path.Split('/').Select(segment => Encode(Uri.UnescapeDataString(segment))));
    }

    private static string CanonicalQuery(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return "";
        }

        return string.Join("&", query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? "" : pair[(equals + 1)..];
                return (Name: Encode(Uri.UnescapeDataString(name)), Value: Encode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>RFC 3986 percent-encoding of everything but the unreserved characters, upper-case hex, as SigV4 requires.</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
