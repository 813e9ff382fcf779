using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;

namespace CertOperator.Validation;

/// <summary>
/// The subject of a Certificate: `commonName` at most 64 characters (as cert-manager checks), the other
/// `subject` attributes within the X.509 upper bounds of RFC 5280 appendix A (country exactly two letters),
/// and `literalSubject` an RFC 4514 DN that is not combined with `commonName` or `subject`.
/// </summary>
internal static class SubjectRules
{
    private const int MaxCommonNameLength = 64;

    private static readonly (string Field, int Max, Func<X509Subject, List<string>?> Values)[] Bounds =
    [
        ("organizations", 64, s => s.Organizations),
        ("organizationalUnits", 64, s => s.OrganizationalUnits),
        ("localities", 128, s => s.Localities),
        ("provinces", 128, s => s.Provinces),
        ("streetAddresses", 128, s => s.StreetAddresses),
        ("postalCodes", 40, s => s.PostalCodes),
    ];

    /// <summary>Checks the subject fields and returns the common name in effect (from `literalSubject` when set).</summary>
    public static string? Validate(CertificateSpec spec, List<FieldError> errors)
    {
        var commonName = spec.CommonName;
        if (!string.IsNullOrEmpty(spec.LiteralSubject))
        {
            commonName = ValidateLiteral(spec, errors);
        }

        if (commonName is { Length: > MaxCommonNameLength })
        {
            errors.Add(new("spec.commonName", $"may not be more than {MaxCommonNameLength} bytes; put long names in spec.dnsNames, which have no such limit"));
        }

        if (spec.Subject is { } subject)
        {
            ValidateSubject(subject, errors);
        }

        return commonName;
    }

    private static string? ValidateLiteral(CertificateSpec spec, List<FieldError> errors)
    {
        if (!string.IsNullOrEmpty(spec.CommonName))
        {
            errors.Add(new("spec.commonName", "When providing a `LiteralSubject` no `commonName` may be provided. Put the CN into spec.literalSubject instead"));
        }

        if (spec.Subject is { } s && (Bounds.Any(b => b.Values(s) is { Count: > 0 }) || s.Countries is { Count: > 0 } || !string.IsNullOrEmpty(s.SerialNumber)))
        {
            errors.Add(new("spec.subject", "When providing a `LiteralSubject` no `Subject` properties may be provided. Put every attribute into spec.literalSubject instead"));
        }

        var parsed = LiteralSubject.Parse(spec.LiteralSubject!);
        if (!parsed.Ok)
        {
            errors.Add(new("spec.literalSubject", $"{StripField(parsed.Error!.Message)}; write it as an RFC 4514 string such as \"CN=web,O=Example,C=DE\""));
            return null;
        }

        return parsed.Value!.SelectMany(rdn => rdn).Where(a => a.Oid == SubjectName.CommonNameOid).Select(a => a.Value).LastOrDefault();
    }

    private static void ValidateSubject(X509Subject subject, List<FieldError> errors)
    {
        foreach (var (field, max, values) in Bounds)
        {
            var list = values(subject) ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Length > max)
                {
                    errors.Add(new($"spec.subject.{field}[{i}]", $"may not be more than {max} characters (the X.509 upper bound); shorten it"));
                }
            }
        }

        var countries = subject.Countries ?? [];
        for (var i = 0; i < countries.Count; i++)
        {
            if (countries[i].Length != 2 || !countries[i].All(char.IsAsciiLetter))
            {
                errors.Add(new($"spec.subject.countries[{i}]", $"\"{countries[i]}\" is not a two-letter ISO 3166 country code, which X.509 requires; use e.g. \"DE\" or \"US\""));
            }
        }

        if (subject.SerialNumber is { Length: > 64 })
        {
            errors.Add(new("spec.subject.serialNumber", "may not be more than 64 characters (the X.509 upper bound); shorten it"));
        }
    }

    private static string StripField(string message) =>
        message.StartsWith("spec.literalSubject: ", StringComparison.Ordinal) ? message["spec.literalSubject: ".Length..] : message;
}
