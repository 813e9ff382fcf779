using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertOperator.Certificates.Pki;
using CertOperator.Issuers.Vault.Wire;

namespace CertOperator.Issuers.Vault;

/// <summary>
/// Builds what a CertificateRequest stores from a PKI sign answer, as cert-manager does with `ca_chain`,
/// `issuing_ca` and `certificate`: the certificates are de-duplicated and linked from the leaf up by issuer; the chain
/// is the leaf and every non-self-signed certificate above it, the CA the top-most one (none for a lone leaf that is
/// not self-signed). A certificate that fits nowhere in that one chain is an error.
/// </summary>
internal static class VaultCertificateChain
{
    public static PkiResult<SignedCertificate> From(VaultCertificateData? data)
    {
        if (string.IsNullOrWhiteSpace(data?.Certificate))
        {
            return Broken("the answer has no data.certificate");
        }

        var leaves = Parse(data.Certificate);
        if (leaves is null or [])
        {
            return Broken("data.certificate is not a PEM certificate");
        }

        var others = Parse(string.Join('\n', [.. data.CaChain ?? [], data.IssuingCa ?? ""]));
        if (others is null)
        {
            return Broken("data.ca_chain or data.issuing_ca holds an unreadable certificate");
        }

        var leaf = leaves[0];
        var remaining = others.Concat(leaves.Skip(1))
            .Where(c => !c.RawData.AsSpan().SequenceEqual(leaf.RawData))
            .DistinctBy(c => Convert.ToHexString(c.RawData))
            .ToList();
        var path = new List<X509Certificate2> { leaf };
        while (!IsSelfSigned(path[^1]) && remaining.FirstOrDefault(c => Issued(c, path[^1])) is { } issuer)
        {
            path.Add(issuer);
            remaining.Remove(issuer);
        }

        if (remaining.Count > 0)
        {
            return Broken($"certificate chain is malformed or broken: \"{remaining[0].Subject}\" is not part of the chain of \"{leaf.Subject}\"");
        }

        var chain = path.Count == 1 ? path : path.Where(c => !IsSelfSigned(c)).ToList();
        var top = path[^1];
        var ca = path.Count > 1 || IsSelfSigned(top) ? Pem(top) : "";
        return new SignedCertificate(Pem(leaf), string.Concat(chain.Select(Pem)), ca);
    }

    private static List<X509Certificate2>? Parse(string pem)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(pem);
        }
        catch (CryptographicException)
        {
            return null;
        }

        return [.. collection];
    }

    /// <summary>Linked by name and, when both carry them, by authority/subject key identifier.</summary>
    private static bool Issued(X509Certificate2 issuer, X509Certificate2 child)
    {
        if (!issuer.SubjectName.RawData.AsSpan().SequenceEqual(child.IssuerName.RawData))
        {
            return false;
        }

        var ski = issuer.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()?.SubjectKeyIdentifierBytes;
        var aki = child.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().FirstOrDefault()?.KeyIdentifier;
        return ski is null || aki is null || ski.Value.Span.SequenceEqual(aki.Value.Span);
    }

    private static bool IsSelfSigned(X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);

    private static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";

    private static PkiError Broken(string why) => new("Failed", $"failed to parse certificate chain from vault: {why}");
}
