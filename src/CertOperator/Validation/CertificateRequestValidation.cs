using System.Text;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.CertificateRequests;

namespace CertOperator.Validation;

/// <summary>
/// cert-manager's webhook checks on a CertificateRequest: issuerRef, usages, a parseable PEM CSR whose encoded
/// basic constraints and key usages (when it has them) agree with `isCA` and `usages`, and a readable duration.
/// </summary>
internal static class CertificateRequestValidation
{
    public static IReadOnlyList<FieldError> Validate(CertificateRequestSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<FieldError>();
        IssuerRefRules.Validate(spec.IssuerRef, errors);
        if (!string.IsNullOrEmpty(spec.Duration))
        {
            DurationRules.Parse(spec.Duration, "spec.duration", errors);
        }

        if (string.IsNullOrEmpty(spec.Request))
        {
            errors.Add(new("spec.request", "must be specified: the base64 of a PEM CERTIFICATE REQUEST"));
            return errors;
        }

        var usageCount = errors.Count;
        KeyRules.ValidateUsages(spec.Usages, "spec.usages", spec.IsCA ?? false, errors);
        if (errors.Count > usageCount)
        {
            return errors;
        }

        if (Decode(spec.Request) is not { } pem)
        {
            errors.Add(new("spec.request", "is not base64: it must hold the base64 of a PEM CERTIFICATE REQUEST"));
            return errors;
        }

        var csr = CsrContents.Decode(pem);
        if (!csr.Ok)
        {
            errors.Add(new("spec.request", csr.Error!.Message));
            return errors;
        }

        if (CsrMismatch(csr.Value!, spec) is { } mismatch)
        {
            errors.Add(new("spec.request", mismatch));
        }

        return errors;
    }

    private static string? Decode(string request)
    {
        var bytes = new byte[request.Length];
        return Convert.TryFromBase64String(request, bytes, out var length) ? Encoding.ASCII.GetString(bytes, 0, length) : null;
    }

    private static string? CsrMismatch(CsrContents csr, CertificateRequestSpec spec)
    {
        var isCA = spec.IsCA ?? false;
        if (csr.HasBasicConstraints && csr.IsCA != isCA)
        {
            return $"encoded CSR error: IsCA {Go(csr.IsCA)} does not match expected value {Go(isCA)}; make spec.isCA agree with the CSR";
        }

        if (csr.Usages is not { } encoded)
        {
            return null;
        }

        var expected = Usages.Resolve(spec.Usages, isCA).Value!;
        if (encoded.Flags != expected.Flags)
        {
            return $"encoded CSR error: the KeyUsages {Print(Usages.Describe(encoded.Flags, []))} do not match the expected KeyUsages {Print(Usages.Describe(expected.Flags, []))}; make spec.usages agree with the CSR";
        }

        return encoded.ExtendedOids.ToHashSet().SetEquals(expected.ExtendedOids)
            ? null
            : $"encoded CSR error: the ExtKeyUsages {Print(Usages.Describe(default, encoded.ExtendedOids))} do not match the expected ExtKeyUsages {Print(Usages.Describe(default, expected.ExtendedOids))}; make spec.usages agree with the CSR";
    }

    private static string Go(bool value) => value ? "true" : "false";

    private static string Print(IReadOnlyList<string> usages) =>
        usages.Count == 0 ? "[]" : $"[ {string.Join(", ", usages.Select(u => $"'{u}'"))} ]";
}
