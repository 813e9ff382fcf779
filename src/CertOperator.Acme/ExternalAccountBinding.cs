namespace CertOperator.Acme;

/// <summary>MAC algorithms for External Account Binding (RFC 8555 §7.3.4).</summary>
public enum EabAlgorithm
{
    HS256,
    HS384,
    HS512,
}

/// <summary>
/// Credentials a CA hands out to bind a new ACME account to an existing customer account.
/// <see cref="ToString"/> shows the key id only; the MAC key is never printed.
/// </summary>
public sealed class ExternalAccountBinding
{
    public ExternalAccountBinding(string keyId, ReadOnlyMemory<byte> hmacKey, EabAlgorithm algorithm = EabAlgorithm.HS256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        if (hmacKey.IsEmpty)
        {
            throw new ArgumentException("The EAB MAC key is empty.", nameof(hmacKey));
        }

        KeyId = keyId;
        HmacKey = hmacKey;
        Algorithm = algorithm;
    }

    public string KeyId { get; }

    public EabAlgorithm Algorithm { get; }

    internal ReadOnlyMemory<byte> HmacKey { get; }

    /// <summary>Builds a binding from the base64url MAC key string CAs usually print.</summary>
    public static ExternalAccountBinding FromBase64Url(string keyId, string base64UrlHmacKey, EabAlgorithm algorithm = EabAlgorithm.HS256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(base64UrlHmacKey);
        try
        {
            return new ExternalAccountBinding(keyId, System.Buffers.Text.Base64Url.DecodeFromChars(base64UrlHmacKey), algorithm);
        }
        catch (FormatException)
        {
            throw new ArgumentException($"The EAB MAC key for key id '{keyId}' is not valid base64url.", nameof(base64UrlHmacKey));
        }
    }

    public override string ToString() => $"EAB {Algorithm} key id {KeyId}";
}
