using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CertOperator.Tests.Acme.Dns01.Providers.Fakes;

/// <summary>
/// Recomputes a request's SigV4 signature from what arrived on the wire, written apart from the operator's signer so
/// the fake really checks it: the error code AWS would answer, or null when the signature holds.
/// </summary>
public static class SigV4Verifier
{
    public static string? Verify(HttpContext context, string body, string service, Func<string, (string Secret, string? SessionToken)?> keys)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            return "MissingAuthenticationToken";
        }

        var parts = authorization["AWS4-HMAC-SHA256 ".Length..].Split(", ")
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var credential = parts["Credential"].Split('/');
        if (keys(credential[0]) is not { } key)
        {
            return "InvalidClientTokenId";
        }

        if (key.SessionToken is not null && context.Request.Headers["X-Amz-Security-Token"] != key.SessionToken)
        {
            return "InvalidClientTokenId";
        }

        if (credential[3] != service)
        {
            return "SignatureDoesNotMatch";
        }

        var amzDate = context.Request.Headers["X-Amz-Date"].ToString();
        var signed = parts["SignedHeaders"].Split(';');
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? rawTarget : rawTarget[..question];
        var query = question < 0 ? "" : rawTarget[(question + 1)..];
        var canonicalQuery = string.Join("&", query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (K: Uri.EscapeDataString(Uri.UnescapeDataString(p[0])), V: Uri.EscapeDataString(Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))))
            .OrderBy(p => p.K, StringComparer.Ordinal).ThenBy(p => p.V, StringComparer.Ordinal)
            .Select(p => $"{p.K}={p.V}"));
        var canonicalHeaders = string.Concat(signed.Select(h => $"{h}:{Header(context, h).Trim()}\n"));
        var canonical = $"{context.Request.Method}\n{path}\n{canonicalQuery}\n{canonicalHeaders}\n{parts["SignedHeaders"]}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}";
        var scope = string.Join("/", credential[1..]);
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var signingKey = new[] { credential[1], credential[2], credential[3], "aws4_request" }
            .Aggregate(Encoding.UTF8.GetBytes("AWS4" + key.Secret), (k, part) => HMACSHA256.HashData(k, Encoding.UTF8.GetBytes(part)));
        var expected = Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(toSign)));
        if (!signed.Contains("host") || !signed.Contains("x-amz-date") || expected != parts["Signature"])
        {
            return "SignatureDoesNotMatch";
        }

        var age = DateTimeOffset.UtcNow - DateTimeOffset.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return age.Duration() > TimeSpan.FromMinutes(5) ? "SignatureDoesNotMatch" : null;
    }

    private static string Header(HttpContext context, string name) =>
        name == "host" ? context.Request.Host.Value ?? "" : context.Request.Headers[name].ToString();

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
