using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// Signs CSRs for the SelfSigned and CA issuers. The certificate takes the CSR's subject, SANs, usages (default
/// `digital signature, key encipherment`) and CA flag, a random positive 128-bit serial, subject and authority
/// key identifiers, and validity [now, now + duration] — capped at the CA's own expiry, as cert-manager does.
/// Given <see cref="RequestTerms"/> (the CertificateRequest's isCA and usages), those win and must agree with the CSR.
/// </summary>
internal static class Signer
{
    public static PkiResult<SignedCertificate> SelfSign(string csrPem, string privateKeyPem, TimeSpan duration, DateTimeOffset now, RequestTerms? terms = null)
    {
        var csr = CsrContents.Decode(csrPem);
        if (!csr.Ok)
        {
            return csr.Error;
        }

        var resolved = RequestTerms.Resolve(csr.Value, terms);
        if (!resolved.Ok)
        {
            return resolved.Error;
        }

        var key = PrivateKey.FromPem(privateKeyPem);
        if (!key.Ok)
        {
            return key.Error;
        }

        using var signer = key.Value;
        if (!signer.Matches(csr.Value.PublicKey))
        {
            return new PkiError(PkiError.InvalidCsr, "the CSR's public key does not belong to the private key it is to be self-signed with");
        }

        var leaf = Issue(csr.Value, resolved.Value, csr.Value.Subject, signer, authorityKeyId: null, now, now + duration);
        if (!leaf.Ok)
        {
            return leaf.Error;
        }

        var pem = Pem(leaf.Value);
        leaf.Value.Dispose();
        return new SignedCertificate(pem, pem, pem);
    }

    public static PkiResult<SignedCertificate> SignWithCa(
        string csrPem, string caCertPem, string caKeyPem, TimeSpan duration, DateTimeOffset now, RequestTerms? terms = null)
    {
        var csr = CsrContents.Decode(csrPem);
        if (!csr.Ok)
        {
            return csr.Error;
        }

        var resolved = RequestTerms.Resolve(csr.Value, terms);
        if (!resolved.Ok)
        {
            return resolved.Error;
        }

        var loaded = CaKeyPair.Load(caCertPem, caKeyPem);
        if (!loaded.Ok)
        {
            return loaded.Error;
        }

        using var ca = loaded.Value;
        var caNotAfter = new DateTimeOffset(ca.Certificate.NotAfter).ToUniversalTime();
        if (caNotAfter <= now)
        {
            return new PkiError(PkiError.InvalidCa, $"the CA certificate \"{ca.Certificate.Subject}\" expired at {caNotAfter:u}");
        }

        var notAfter = now + duration < caNotAfter ? now + duration : caNotAfter;
        var caKeyId = ca.Certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()
            ?? new X509SubjectKeyIdentifierExtension(ca.Certificate.PublicKey, false);
        var akid = X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(caKeyId);
        var leaf = Issue(csr.Value, resolved.Value, ca.Certificate.SubjectName, ca.Key, akid, now, notAfter);
        if (!leaf.Ok)
        {
            return leaf.Error;
        }

        // Like cert-manager's chain parsing: a self-signed root is not sent in the chain, only as ca.crt.
        var chain = new StringBuilder(Pem(leaf.Value));
        foreach (var certificate in ca.Bundle.Where(c => !IsSelfSigned(c)))
        {
            chain.Append(Pem(certificate));
        }

        var result = new SignedCertificate(Pem(leaf.Value), chain.ToString(), Pem(ca.Bundle[^1]));
        leaf.Value.Dispose();
        return result;
    }

    private static PkiResult<X509Certificate2> Issue(
        CsrContents csr, (bool IsCA, UsageSet Usages) terms, X500DistinguishedName issuer, PrivateKey signer, X509Extension? authorityKeyId, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        if (notAfter <= notBefore)
        {
            return new PkiError(PkiError.InvalidDuration, "the certificate duration must be positive");
        }

        var request = new CertificateRequest(csr.Subject, csr.PublicKey, signer.HashAlgorithm);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(terms.IsCA, false, 0, true));
        foreach (var extension in Usages.Extensions(terms.Usages))
        {
            request.CertificateExtensions.Add(extension);
        }

        if (!csr.Names.IsEmpty)
        {
            request.CertificateExtensions.Add(csr.Names.ToExtension(subjectIsEmpty: csr.Subject.RawData.Length <= 2));
        }

        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(csr.PublicKey, false));
        if (authorityKeyId is not null)
        {
            request.CertificateExtensions.Add(authorityKeyId);
        }

        return request.Create(issuer, signer.SignatureGenerator(), notBefore, notAfter, Serial());
    }

    private static byte[] Serial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        // Positive (top bit clear) and minimally encoded (first byte non-zero).
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        return serial;
    }

    private static bool IsSelfSigned(X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);

    private static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";
}

/// <summary>
/// A signed certificate: <see cref="LeafPem"/> alone, <see cref="ChainPem"/> (leaf then intermediates: what goes in
/// tls.crt) and <see cref="CaPem"/> (the root-most CA: what goes in ca.crt).
/// </summary>
internal sealed record SignedCertificate(string LeafPem, string ChainPem, string CaPem);
