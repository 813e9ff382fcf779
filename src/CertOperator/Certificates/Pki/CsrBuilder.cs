using System.Security.Cryptography.X509Certificates;
using CertOperator.Crds.Certificates;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// Builds the PKCS#10 request for a Certificate like cert-manager's pki.GenerateCSR: subject, SANs, key usages
/// (unless `encodeUsagesInRequest: false`) and, for `isCA`, basic constraints.
/// </summary>
internal static class CsrBuilder
{
    public static PkiResult<string> Build(CertificateSpec spec, PrivateKey key)
    {
        var subject = SubjectName.FromSpec(spec);
        if (!subject.Ok)
        {
            return subject.Error;
        }

        var names = SubjectAltNames.FromSpec(spec);
        if (!names.Ok)
        {
            return names.Error;
        }

        var isCA = spec.IsCA ?? false;
        var usages = Usages.Resolve(spec.Usages, isCA);
        if (!usages.Ok)
        {
            return usages.Error;
        }

        if (SubjectName.CommonName(subject.Value) is null && names.Value.IsEmpty)
        {
            return new PkiError(PkiError.InvalidSpec,
                "spec: at least one of commonName (or a CN in literalSubject), dnsNames, uris, emailAddresses, ipAddresses or otherNames must be set", "spec");
        }

        var request = key.NewRequest(subject.Value, SignatureAlgorithms.Hash(spec.SignatureAlgorithm));
        if (!names.Value.IsEmpty)
        {
            request.CertificateExtensions.Add(names.Value.ToExtension(subjectIsEmpty: subject.Value.RawData.Length <= 2));
        }

        if (spec.EncodeUsagesInRequest ?? true)
        {
            foreach (var extension in Usages.Extensions(usages.Value))
            {
                request.CertificateExtensions.Add(extension);
            }
        }

        if (isCA)
        {
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        }

        return request.CreateSigningRequestPem(key.SignatureGenerator());
    }
}
