using System.Text;
using CertOperator.Certificates.Pki;

namespace CertOperator.Issuers;

/// <summary>
/// What a CA issuer's key pair Secret allows, decided without I/O and with cert-manager's reasons: a Secret that
/// is missing or unreadable is ErrGetKeyPair; a readable pair that cannot sign (not a CA, key mismatch, expired,
/// not yet valid) is ErrInvalidKeyPair. <see cref="RecheckAt"/> is when validity next changes, so the issuer's
/// Ready flips at the CA's expiry without any object changing.
/// </summary>
internal sealed record CaKeyPairCheck(string? Reason, string? Problem, DateTimeOffset? RecheckAt)
{
    public const string ErrGetKeyPair = "ErrGetKeyPair";
    public const string ErrInvalidKeyPair = "ErrInvalidKeyPair";

    public bool Ok => Reason is null;

    public static CaKeyPairCheck Of(IReadOnlyDictionary<string, byte[]>? data, string secret, DateTimeOffset now)
    {
        if (data is null)
        {
            return Get($"secret \"{secret}\" not found");
        }

        if (data.GetValueOrDefault(SecretOutputs.TlsCrt) is not { } certBytes || data.GetValueOrDefault(SecretOutputs.TlsKey) is not { } keyBytes)
        {
            return Get($"secret \"{secret}\" lacks tls.crt or tls.key");
        }

        var (certPem, keyPem) = (Encoding.ASCII.GetString(certBytes), Encoding.ASCII.GetString(keyBytes));
        var certificates = CaKeyPair.LoadCertificates(certPem);
        foreach (var certificate in certificates ?? [])
        {
            certificate.Dispose();
        }

        if (certificates is null or [])
        {
            return Get($"tls.crt of secret \"{secret}\" holds no valid PEM CERTIFICATE block");
        }

        var key = PrivateKey.FromPem(keyPem);
        key.Value?.Dispose();
        if (!key.Ok)
        {
            return Get($"tls.key of secret \"{secret}\" is not a usable private key: {key.Error.Message}");
        }

        var loaded = CaKeyPair.Load(certPem, keyPem);
        if (!loaded.Ok)
        {
            return new(ErrInvalidKeyPair, loaded.Error.Message, null);
        }

        using var pair = loaded.Value;
        var notBefore = new DateTimeOffset(pair.Certificate.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(pair.Certificate.NotAfter.ToUniversalTime());
        return now < notBefore
            ? new(ErrInvalidKeyPair, $"the CA certificate \"{pair.Certificate.Subject}\" is not valid before {notBefore:u}; nothing can be signed until then", notBefore)
            : now >= notAfter
                ? new(ErrInvalidKeyPair, $"the CA certificate \"{pair.Certificate.Subject}\" expired at {notAfter:u}; renew it in secret \"{secret}\"", null)
                : new(null, null, notAfter);
    }

    private static CaKeyPairCheck Get(string problem) => new(ErrGetKeyPair, problem, null);
}
