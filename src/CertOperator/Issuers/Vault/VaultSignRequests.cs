using CertOperator.Certificates.Pki;
using CertOperator.Issuers.Vault.Wire;

namespace CertOperator.Issuers.Vault;

/// <summary>Builds the PKI sign body from a CSR the way cert-manager does: the names come from the CSR itself.</summary>
internal static class VaultSignRequests
{
    public static PkiResult<VaultSignRequest> Build(string csrPem, TimeSpan duration)
    {
        var csr = CsrContents.Decode(csrPem);
        if (!csr.Ok)
        {
            return new PkiError(csr.Error.Reason, $"failed to decode CSR for signing: {csr.Error.Message}");
        }

        var names = csr.Value.Names;
        return new VaultSignRequest
        {
            CommonName = csr.Value.CommonName ?? "",
            AltNames = string.Join(',', names.DnsNames),
            IpSans = string.Join(',', names.IpAddresses),
            UriSans = string.Join(',', names.Uris),
            Ttl = GoDuration.Format(duration),
            Csr = csrPem,
        };
    }
}
