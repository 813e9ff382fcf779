using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertOperator.Acme.Model;

namespace CertOperator.Acme.Crypto;

/// <summary>Creates certificate private keys and PKCS#10 CSRs for finalize, on System.Security.Cryptography only.</summary>
public static class AcmeCsr
{
    public static AsymmetricAlgorithm CreatePrivateKey(CertificateKeyAlgorithm algorithm) => algorithm switch
    {
        CertificateKeyAlgorithm.Rsa2048 => RSA.Create(2048),
        CertificateKeyAlgorithm.Rsa3072 => RSA.Create(3072),
        CertificateKeyAlgorithm.Rsa4096 => RSA.Create(4096),
        CertificateKeyAlgorithm.EcdsaP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
        CertificateKeyAlgorithm.EcdsaP384 => ECDsa.Create(ECCurve.NamedCurves.nistP384),
        CertificateKeyAlgorithm.EcdsaP521 => ECDsa.Create(ECCurve.NamedCurves.nistP521),
        CertificateKeyAlgorithm.Ed25519 => throw new NotSupportedException(
            "Ed25519 certificate keys are not supported: System.Security.Cryptography on .NET 10 has no Ed25519 implementation. Use EcdsaP256 or an RSA key."),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown certificate key algorithm."),
    };

    /// <summary>
    /// A DER CSR naming every identifier in subjectAltName; the first DNS name (if it fits the
    /// 64-character X.520 limit) is also the subject CN, as many TLS stacks still read it.
    /// </summary>
    public static byte[] Create(AsymmetricAlgorithm privateKey, IReadOnlyList<AcmeIdentifier> identifiers)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentNullException.ThrowIfNull(identifiers);
        if (identifiers.Count == 0)
        {
            throw new ArgumentException("A CSR needs at least one identifier.", nameof(identifiers));
        }

        var san = new SubjectAlternativeNameBuilder();
        foreach (var identifier in identifiers)
        {
            switch (identifier.Type)
            {
                case "dns":
                    san.AddDnsName(identifier.Value);
                    break;
                case "ip":
                    san.AddIpAddress(IPAddress.Parse(identifier.Value));
                    break;
                default:
                    throw new NotSupportedException($"Identifier type '{identifier.Type}' cannot be put in a CSR.");
            }
        }

        var commonName = identifiers.FirstOrDefault(i => i.Type == "dns" && i.Value.Length <= 64)?.Value;
        var subject = commonName is null ? new X500DistinguishedName(string.Empty) : CommonName(commonName);
        var request = privateKey switch
        {
            RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            ECDsa ec => new CertificateRequest(subject, ec, HashFor(ec)),
            _ => throw new NotSupportedException($"Certificate keys of type {privateKey.GetType().Name} are not supported."),
        };
        request.CertificateExtensions.Add(san.Build());
        return request.CreateSigningRequest();
    }

    private static HashAlgorithmName HashFor(ECDsa key) => key.KeySize switch
    {
        <= 256 => HashAlgorithmName.SHA256,
        <= 384 => HashAlgorithmName.SHA384,
        _ => HashAlgorithmName.SHA512,
    };

    private static X500DistinguishedName CommonName(string commonName)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        return builder.Build();
    }
}
