using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertOperator.Crds.Certificates;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// What a PEM CSR asks for, read back, and whether that still matches a Certificate's spec — so a
/// CertificateRequest whose CSR predates a spec change is replaced rather than issued.
/// </summary>
internal sealed record CsrContents(
    X500DistinguishedName Subject,
    string? CommonName,
    SubjectAltNames Names,
    bool IsCA,
    bool HasBasicConstraints,
    UsageSet? Usages,
    string KeyAlgorithm,
    int KeySize,
    PublicKey PublicKey)
{
    /// <summary>Decodes and verifies the self-signature of a PEM CSR.</summary>
    public static PkiResult<CsrContents> Decode(string csrPem)
    {
        CertificateRequest request;
        try
        {
            request = CertificateRequest.LoadSigningRequestPem(
                csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or NotSupportedException)
        {
            if (LoadEd25519(csrPem) is { } ed25519)
            {
                request = ed25519;
            }
            else
            {
                return new PkiError(PkiError.InvalidCsr, $"the CSR is not a valid, correctly signed PEM CERTIFICATE REQUEST: {e.Message}");
            }
        }

        var extensions = request.CertificateExtensions.ToList();
        var (algorithm, size) = ExtensionReader.DescribeKey(request.PublicKey);
        return new CsrContents(
            request.SubjectName,
            SubjectName.CommonName(request.SubjectName),
            SubjectAltNames.Read(extensions),
            ExtensionReader.IsCA(extensions),
            ExtensionReader.HasBasicConstraints(extensions),
            ExtensionReader.HasUsages(extensions) ? ExtensionReader.UsagesOf(extensions) : null,
            algorithm,
            size,
            request.PublicKey);
    }

    /// <summary>.NET cannot check an Ed25519 self-signature: BouncyCastle does, then .NET reads the request unchecked.</summary>
    private static CertificateRequest? LoadEd25519(string csrPem)
    {
        try
        {
            var options = CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions | CertificateRequestLoadOptions.SkipSignatureValidation;
            var request = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256, options);
            return request.PublicKey.Oid.Value == Ed25519Key.Oid
                && PemEncoding.TryFind(csrPem, out var fields)
                && Ed25519Key.VerifyRequest(Convert.FromBase64String(csrPem[fields.Base64Data]))
                ? request
                : null;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The spec fields this CSR no longer matches (e.g. "spec.dnsNames"); empty when it matches. DNS names and
    /// emails compare case-insensitively, IPs by value. With <paramref name="key"/>, the CSR must carry its public key.
    /// </summary>
    public IReadOnlyList<string> Mismatches(CertificateSpec spec, PrivateKey? key = null)
    {
        var problems = new List<string>();
        var subject = SubjectName.FromSpec(spec);
        if (!subject.Ok || !SameAttributes(subject.Value, Subject))
        {
            problems.Add(string.IsNullOrEmpty(spec.LiteralSubject) ? "spec.subject" : "spec.literalSubject");
        }

        var names = SubjectAltNames.FromSpec(spec);
        var want = names.Ok ? names.Value : SubjectAltNames.Empty;
        Compare(problems, "spec.dnsNames", want.DnsNames, Names.DnsNames, d => d.TrimEnd('.').ToUpperInvariant());
        Compare(problems, "spec.ipAddresses", want.IpAddresses, Names.IpAddresses, ip => ip);
        Compare(problems, "spec.uris", want.Uris, Names.Uris, u => u);
        Compare(problems, "spec.emailAddresses", want.EmailAddresses, Names.EmailAddresses, e => e.ToUpperInvariant());
        Compare(problems, "spec.otherNames", want.OtherNames, Names.OtherNames, o => o);
        if ((spec.IsCA ?? false) != IsCA)
        {
            problems.Add("spec.isCA");
        }

        if ((spec.EncodeUsagesInRequest ?? true) && !SameUsages(spec))
        {
            problems.Add("spec.usages");
        }

        var keySpec = PrivateKeySpec.Resolve(spec.PrivateKey);
        var keyMatchesSpec = keySpec.Ok && keySpec.Value.Algorithm.Name() == KeyAlgorithm && keySpec.Value.Size == KeySize;
        if (!keyMatchesSpec)
        {
            problems.Add("spec.privateKey");
        }
        else if (key is not null && !key.Matches(PublicKey))
        {
            problems.Add("privateKey");
        }

        return problems;
    }

    private bool SameUsages(CertificateSpec spec)
    {
        var want = Pki.Usages.Resolve(spec.Usages, spec.IsCA ?? false);
        var have = Usages ?? new UsageSet(X509KeyUsageFlags.None, []);
        return want.Ok && want.Value.Flags == have.Flags && want.Value.ExtendedOids.ToHashSet().SetEquals(have.ExtendedOids);
    }

    private static bool SameAttributes(X500DistinguishedName a, X500DistinguishedName b)
    {
        var (left, right) = (SubjectName.Attributes(a), SubjectName.Attributes(b));
        return left.Count == right.Count && left.Zip(right).All(pair => pair.First.SequenceEqual(pair.Second));
    }

    private static void Compare<T>(List<string> problems, string field, IEnumerable<T> want, IEnumerable<T> have, Func<T, T> normalise) =>
        problems.AddRange(want.Select(normalise).ToHashSet().SetEquals(have.Select(normalise)) ? [] : [field]);
}
