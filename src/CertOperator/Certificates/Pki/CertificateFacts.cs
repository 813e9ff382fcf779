using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Certificates.Ari;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// What the trigger and readiness decisions need to know about the certificate in a Secret: names (IPs in
/// canonical form), validity, key, CA flag, issuer and usages (cert-manager's names).
/// </summary>
internal sealed record CertificateFacts(
    string? CommonName,
    IReadOnlyList<string> DnsNames,
    IReadOnlyList<string> IpAddresses,
    IReadOnlyList<string> Uris,
    IReadOnlyList<string> EmailAddresses,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string KeyAlgorithm,
    int KeySize,
    bool IsCA,
    string SerialNumber,
    string IssuerName,
    bool KeyMatchesCertificate,
    IReadOnlyList<string> Usages)
{
    public const string MissingData = "MissingData";
    public const string InvalidKeyPair = "InvalidKeyPair";
    public const string InvalidCertificate = "InvalidCertificate";

    /// <summary>The RFC 9773 identifier (AKI and serial) for renewalInfo and newOrder's "replaces"; null without an AKI.</summary>
    public string? AriCertificateId { get; init; }

    /// <summary>
    /// Parses a Secret's `tls.crt` (first PEM certificate is the leaf) and `tls.key`, checking them in
    /// cert-manager's order: data present, key decodes, certificate decodes, key matches certificate.
    /// </summary>
    public static CertificateFactsResult Parse(byte[]? certPem, byte[]? keyPem)
    {
        var leaf = certPem is { Length: > 0 } ? LoadLeaf(certPem) : null;
        using var key = keyPem is { Length: > 0 } ? PrivateKey.FromPem(Encoding.UTF8.GetString(keyPem)).Value : null;
        var facts = leaf is null ? null : From(leaf, key is not null && key.Matches(leaf.PublicKey));
        leaf?.Dispose();

        var (reason, message) = (certPem, keyPem, key, facts) switch
        {
            ({ Length: > 0 }, { Length: > 0 }, not null, { KeyMatchesCertificate: true }) => (null, null),
            (null or [], _, _, _) => (MissingData, "does not contain a certificate (tls.crt)"),
            (_, null or [], _, _) => (MissingData, "does not contain a private key (tls.key)"),
            (_, _, null, _) => (InvalidKeyPair, $"contains invalid private key data (tls.key): {KeyProblem(keyPem)}"),
            (_, _, _, null) => (InvalidCertificate, "contains an invalid certificate (tls.crt): no parsable PEM CERTIFICATE block"),
            _ => (InvalidKeyPair, "contains a private key (tls.key) that does not match the certificate (tls.crt)"),
        };
        return new CertificateFactsResult(reason is null ? facts : null, reason, message) { Certificate = facts };
    }

    private static string KeyProblem(byte[] keyPem) => PrivateKey.FromPem(Encoding.UTF8.GetString(keyPem)).Error?.Message ?? "unreadable";

    private static X509Certificate2? LoadLeaf(byte[] certPem)
    {
        ReadOnlySpan<char> pem = Encoding.UTF8.GetString(certPem);
        while (PemEncoding.TryFind(pem, out var fields))
        {
            if (pem[fields.Label].SequenceEqual("CERTIFICATE"))
            {
                try
                {
                    return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(pem[fields.Base64Data].ToString()));
                }
                catch (CryptographicException)
                {
                    return null;
                }
            }

            pem = pem[fields.Location.End..];
        }

        return null;
    }

    /// <summary>Facts of one parsed certificate; <paramref name="keyMatches"/> says whether the Secret's key belongs to it.</summary>
    public static CertificateFacts From(X509Certificate2 certificate, bool keyMatches)
    {
        var extensions = certificate.Extensions.ToList();
        var names = SubjectAltNames.Read(extensions);
        var (algorithm, size) = ExtensionReader.DescribeKey(certificate.PublicKey);
        var usages = ExtensionReader.UsagesOf(extensions);
        return new CertificateFacts(
            SubjectName.CommonName(certificate.SubjectName),
            names.DnsNames,
            names.IpAddresses,
            names.Uris,
            names.EmailAddresses,
            new DateTimeOffset(certificate.NotBefore).ToUniversalTime(),
            new DateTimeOffset(certificate.NotAfter).ToUniversalTime(),
            algorithm,
            size,
            ExtensionReader.IsCA(extensions),
            certificate.SerialNumber,
            certificate.Issuer,
            keyMatches,
            Pki.Usages.Describe(usages.Flags, usages.ExtendedOids))
        {
            AriCertificateId = AriIdentity.Of(certificate),
        };
    }
}

/// <summary>
/// The outcome of <see cref="CertificateFacts.Parse"/>: <see cref="Facts"/> only when the Secret is fully valid,
/// else a <see cref="Reason"/> (MissingData, InvalidKeyPair, InvalidCertificate) and a <see cref="Message"/> that
/// reads after "Secret ...". <see cref="Certificate"/> holds the leaf's facts whenever it parsed, even with a bad key.
/// </summary>
internal sealed record CertificateFactsResult(CertificateFacts? Facts, string? Reason, string? Message)
{
    public CertificateFacts? Certificate { get; init; }
}
