using System.Security.Cryptography.X509Certificates;
using CertOperator.Crds.CertificateRequests;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// What a CertificateRequest's spec says about the certificate besides the CSR: `isCA` and `usages`. As in
/// cert-manager, these win over the CSR, and a CSR that encodes different values is refused.
/// </summary>
internal sealed record RequestTerms(bool IsCA, IReadOnlyList<string>? Usages)
{
    public static RequestTerms From(CertificateRequestSpec spec) => new(spec.IsCA ?? false, spec.Usages);

    /// <summary>The CA flag and usages to issue with: from <paramref name="terms"/> when given, else from the CSR (default usages when it has none).</summary>
    public static PkiResult<(bool IsCA, UsageSet Usages)> Resolve(CsrContents csr, RequestTerms? terms)
    {
        if (terms is null)
        {
            var fromCsr = csr.Usages ?? Pki.Usages.Resolve(null, csr.IsCA).Value!;
            var flags = csr.IsCA ? fromCsr.Flags | X509KeyUsageFlags.KeyCertSign : fromCsr.Flags;
            return (csr.IsCA, fromCsr with { Flags = flags });
        }

        var usages = Pki.Usages.Resolve(terms.Usages, terms.IsCA);
        if (!usages.Ok)
        {
            return usages.Error;
        }

        if (csr.IsCA != terms.IsCA && (csr.IsCA || csr.HasBasicConstraints))
        {
            return new PkiError(PkiError.InvalidCsr, $"the CSR's basic constraints (CA: {csr.IsCA}) do not match spec.isCA ({terms.IsCA})", "spec.request");
        }

        if (csr.Usages is { } encoded && (encoded.Flags != usages.Value.Flags || !encoded.ExtendedOids.ToHashSet().SetEquals(usages.Value.ExtendedOids)))
        {
            return new PkiError(PkiError.InvalidCsr,
                $"the CSR's key usages [{Describe(encoded)}] do not match spec.usages [{Describe(usages.Value)}]", "spec.request");
        }

        return (terms.IsCA, usages.Value);
    }

    private static string Describe(UsageSet set) => string.Join(", ", Pki.Usages.Describe(set.Flags, set.ExtendedOids));
}
