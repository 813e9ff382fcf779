using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CertOperator.Acme.Wire;

namespace CertOperator.Acme.Jws;

/// <summary>Builds flattened JWS messages for ACME requests (RFC 8555 §6.2).</summary>
internal static class JwsSigner
{
    /// <summary>Signs <paramref name="payload"/>; a null payload means POST-as-GET (empty payload string).</summary>
    public static JwsMessage Sign(AcmeAccountKey key, Uri url, string? nonce, string? accountUrl, byte[]? payload)
    {
        var header = new JwsProtectedHeader
        {
            Algorithm = key.JwsAlgorithm,
            Jwk = accountUrl is null ? key.Jwk : null,
            KeyId = accountUrl,
            Nonce = nonce,
            Url = url.AbsoluteUri,
        };
        var protectedPart = Encode(JsonSerializer.SerializeToUtf8Bytes(header, AcmeJsonContext.Default.JwsProtectedHeader));
        var payloadPart = payload is null ? string.Empty : Encode(payload);
        var signature = key.Sign(Encoding.ASCII.GetBytes(protectedPart + "." + payloadPart));
        return new JwsMessage { Protected = protectedPart, Payload = payloadPart, Signature = Encode(signature) };
    }

    /// <summary>
    /// The externalAccountBinding member of newAccount (RFC 8555 §7.3.4): the account JWK, MACed
    /// with the CA-issued key. The MAC key is only used here, never stored or printed.
    /// </summary>
    public static JwsMessage ExternalAccountBinding(ExternalAccountBinding binding, JsonWebKey accountJwk, Uri newAccountUrl)
    {
        var header = new JwsProtectedHeader { Algorithm = binding.Algorithm.ToString(), KeyId = binding.KeyId, Url = newAccountUrl.AbsoluteUri };
        var protectedPart = Encode(JsonSerializer.SerializeToUtf8Bytes(header, AcmeJsonContext.Default.JwsProtectedHeader));
        var payloadPart = Encode(JsonSerializer.SerializeToUtf8Bytes(accountJwk, AcmeJsonContext.Default.JsonWebKey));
        var input = Encoding.ASCII.GetBytes(protectedPart + "." + payloadPart);
        var mac = binding.Algorithm switch
        {
            EabAlgorithm.HS256 => HMACSHA256.HashData(binding.HmacKey.Span, input),
            EabAlgorithm.HS384 => HMACSHA384.HashData(binding.HmacKey.Span, input),
            EabAlgorithm.HS512 => HMACSHA512.HashData(binding.HmacKey.Span, input),
            _ => throw new NotSupportedException($"EAB algorithm {binding.Algorithm} is not supported."),
        };
        return new JwsMessage { Protected = protectedPart, Payload = payloadPart, Signature = Encode(mac) };
    }

    private static string Encode(ReadOnlySpan<byte> data) => Base64Url.EncodeToString(data);
}
