using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Acme.Model;

/// <summary>A downloaded certificate chain in PEM (leaf first) and the alternate chains the server offered.</summary>
public sealed record AcmeCertificateChain
{
    public required string Pem { get; init; }

    public required IReadOnlyList<Uri> AlternateChains { get; init; }

    /// <summary>Parses the PEM; the caller owns (and disposes) the returned certificates.</summary>
    public X509Certificate2Collection ToCollection()
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPem(Pem);
        return collection;
    }

    /// <summary>The issuer common name of the last certificate in the chain, used for preferred-chain selection.</summary>
    public string? TopIssuerCommonName()
    {
        var certificates = ToCollection();
        try
        {
            return certificates.Count == 0 ? null : certificates[^1].GetNameInfo(X509NameType.SimpleName, forIssuer: true);
        }
        finally
        {
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }
}
