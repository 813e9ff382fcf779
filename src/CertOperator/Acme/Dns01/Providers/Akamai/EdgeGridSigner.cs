using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CertOperator.Acme.Dns01.Providers.Akamai;

/// <summary>
/// Akamai EdgeGrid request signing (EG1-HMAC-SHA256), as Akamai's open-source signers do it: no headers are signed,
/// and only a POST body is hashed (up to <see cref="MaxBody"/> bytes).
/// </summary>
internal static class EdgeGridSigner
{
    public const int MaxBody = 131072;

    public static string Timestamp(DateTimeOffset now) => now.UtcDateTime.ToString("yyyyMMdd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture);

    /// <summary>The `Authorization` header value for one request.</summary>
    public static string Authorization(EdgeGridCredentials credentials, string method, Uri uri, byte[] body, string timestamp, string nonce)
    {
        var header = $"EG1-HMAC-SHA256 client_token={credentials.ClientToken};access_token={credentials.AccessToken};timestamp={timestamp};nonce={nonce};";
        var contentHash = string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) && body.Length > 0
            ? Convert.ToBase64String(SHA256.HashData(body.AsSpan(0, Math.Min(body.Length, MaxBody))))
            : "";
        var data = string.Join("\t",
            method.ToUpperInvariant(),
            uri.Scheme,
            uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}",
            uri.PathAndQuery,
            "",
            contentHash,
            header);
        var signingKey = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(credentials.ClientSecret), Encoding.UTF8.GetBytes(timestamp)));
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(data)));
        return header + "signature=" + signature;
    }
}
