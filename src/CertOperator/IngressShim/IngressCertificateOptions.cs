using System.Globalization;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;
using CertOperator.Validation;

namespace CertOperator.IngressShim;

/// <summary>
/// Applies the Ingress annotations that tune a Certificate (names, duration, usages, subject, ...) to its
/// spec, reading each the way cert-manager's ingress-shim does. Each bad value becomes an error naming the
/// annotation and what it accepts; cert-manager stops at the first, we list them all.
/// </summary>
internal static class IngressCertificateOptions
{
    public static void Apply(IReadOnlyDictionary<string, string> annotations, CertificateSpec spec, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(spec);
        if (annotations.TryGetValue(IngressAnnotations.CommonName, out var commonName))
        {
            spec.CommonName = commonName;
        }

        spec.DnsNames = Names(annotations, IngressAnnotations.AltNames, DnsNameRules.Problem, errors);
        spec.IpAddresses = Names(annotations, IngressAnnotations.IpSans,
            ip => AddressRules.IsIp(ip) ? null : "not an IP address; write IPv4 like 10.0.0.1 or IPv6 like 2001:db8::1, separated by commas without spaces", errors);
        spec.EmailAddresses = Emails(annotations, errors);
        spec.Subject = Subject(annotations, errors);
        spec.Duration = Duration(annotations, IngressAnnotations.Duration, errors);
        spec.RenewBefore = Duration(annotations, IngressAnnotations.RenewBefore, errors);
        spec.RenewBeforePercentage = Integer(annotations, IngressAnnotations.RenewBeforePercentage, int.MinValue, "a whole number such as 25", errors);
        spec.Usages = UsageList(annotations, errors) ?? [.. Usages.Default];
        spec.RevisionHistoryLimit = Integer(annotations, IngressAnnotations.RevisionHistoryLimit, 1, "a whole number of at least 1", errors);
        spec.PrivateKey = IngressPrivateKeyOptions.Parse(annotations, errors);
        if (annotations.TryGetValue(IngressAnnotations.SecretTemplate, out var template))
        {
            var (parsed, problem) = IngressSecretTemplate.Parse(template);
            spec.SecretTemplate = parsed;
            AddIf(problem, errors);
        }
    }

    /// <summary>alt-names and ip-sans add to the TLS hosts; an empty value adds nothing. Split on commas, not trimmed, as cert-manager does.</summary>
    private static List<string>? Names(IReadOnlyDictionary<string, string> annotations, string key, Func<string, string?> problem, List<string> errors)
    {
        if (!annotations.TryGetValue(key, out var text) || text.Length == 0)
        {
            return null;
        }

        var names = text.Split(',').ToList();
        errors.AddRange(names.Select(n => problem(n) is { } p ? $"{key}: \"{n}\": {p}" : null).OfType<string>());
        return names;
    }

    /// <summary>cert-manager keeps every comma-separated piece, so an empty or padded one is refused (by its webhook there, here by name).</summary>
    private static List<string>? Emails(IReadOnlyDictionary<string, string> annotations, List<string> errors)
    {
        if (!annotations.TryGetValue(IngressAnnotations.EmailSans, out var text))
        {
            return null;
        }

        var emails = text.Split(',').ToList();
        foreach (var email in emails)
        {
            if (AddressRules.EmailProblem(email) is { } problem)
            {
                errors.Add($"{IngressAnnotations.EmailSans}: \"{email}\": {problem}; list bare addresses separated by commas without spaces");
            }
        }

        return emails;
    }

    private static X509Subject? Subject(IReadOnlyDictionary<string, string> annotations, List<string> errors)
    {
        List<string>? List(string key)
        {
            if (!annotations.TryGetValue(key, out var text))
            {
                return null;
            }

            var (values, problem) = IngressCsv.Split(text);
            AddIf(problem is null ? null : $"{key}: \"{text}\": {problem}", errors);
            return values;
        }

        var subject = new X509Subject
        {
            Organizations = List(IngressAnnotations.SubjectOrganizations),
            OrganizationalUnits = List(IngressAnnotations.SubjectOrganizationalUnits),
            Countries = List(IngressAnnotations.SubjectCountries),
            Provinces = List(IngressAnnotations.SubjectProvinces),
            Localities = List(IngressAnnotations.SubjectLocalities),
            PostalCodes = List(IngressAnnotations.SubjectPostalCodes),
            StreetAddresses = List(IngressAnnotations.SubjectStreetAddresses),
            SerialNumber = annotations.GetValueOrDefault(IngressAnnotations.SubjectSerialNumber),
        };
        return subject is { Organizations: null, OrganizationalUnits: null, Countries: null, Provinces: null, Localities: null, PostalCodes: null, StreetAddresses: null, SerialNumber: null }
            ? null
            : subject;
    }

    /// <summary>Stored as Go prints it ("3600s" becomes "1h0m0s"), as cert-manager's Certificate would hold it.</summary>
    private static string? Duration(IReadOnlyDictionary<string, string> annotations, string key, List<string> errors)
    {
        if (!annotations.TryGetValue(key, out var text))
        {
            return null;
        }

        var parsed = GoDuration.Parse(text, key);
        AddIf(parsed.Error?.Message, errors);
        return parsed.Ok ? GoDuration.Format(parsed.Value) : null;
    }

    /// <summary>A 32-bit decimal integer as Go's strconv.ParseInt reads it (an optional sign, digits only).</summary>
    private static int? Integer(IReadOnlyDictionary<string, string> annotations, string key, int min, string accepted, List<string> errors)
    {
        if (!annotations.TryGetValue(key, out var text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min)
        {
            return value;
        }

        errors.Add($"{key}: \"{text}\" is not valid; use {accepted}");
        return null;
    }

    /// <summary>Split on commas and trimmed of spaces; every piece, including an empty one, must be a usage name.</summary>
    private static List<string>? UsageList(IReadOnlyDictionary<string, string> annotations, List<string> errors)
    {
        if (!annotations.TryGetValue(IngressAnnotations.Usages, out var text))
        {
            return null;
        }

        var usages = text.Split(',').Select(u => u.Trim(' ')).ToList();
        foreach (var usage in usages)
        {
            if (Usages.Resolve([usage], isCA: false).Error is { } error)
            {
                errors.Add($"{IngressAnnotations.Usages}: \"{usage}\" is not a key usage; separate usages with single commas; accepted values: {string.Join(", ", error.Accepted ?? [])}");
            }
        }

        return usages;
    }

    private static void AddIf(string? error, List<string> errors)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }
}
