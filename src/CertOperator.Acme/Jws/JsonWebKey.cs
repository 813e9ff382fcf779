using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace CertOperator.Acme.Jws;

/// <summary>The public half of an account key as a JWK (RFC 7517); only the members ACME needs.</summary>
internal sealed record JsonWebKey
{
    [JsonPropertyName("kty")]
    public required string KeyType { get; init; }

    [JsonPropertyName("crv")]
    public string? Curve { get; init; }

    [JsonPropertyName("x")]
    public string? X { get; init; }

    [JsonPropertyName("y")]
    public string? Y { get; init; }

    [JsonPropertyName("e")]
    public string? Exponent { get; init; }

    [JsonPropertyName("n")]
    public string? Modulus { get; init; }

    /// <summary>
    /// RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order with no
    /// whitespace. Built by hand because the member order is part of the hash input.
    /// </summary>
    public string Thumbprint()
    {
        var canonical = KeyType switch
        {
            "EC" => $"{{\"crv\":\"{Curve}\",\"kty\":\"EC\",\"x\":\"{X}\",\"y\":\"{Y}\"}}",
            "RSA" => $"{{\"e\":\"{Exponent}\",\"kty\":\"RSA\",\"n\":\"{Modulus}\"}}",
            _ => throw new NotSupportedException($"JWK key type '{KeyType}' has no thumbprint definition here."),
        };
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
