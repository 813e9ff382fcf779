using System.Globalization;
using System.Text.Json;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Serialization;

namespace CertOperator.IngressShim;

/// <summary>
/// Applies the Ingress annotations that tune a Certificate (duration, key, subject, ...) to its spec.
/// Each bad value becomes an error naming the annotation and what it accepts.
/// </summary>
internal static class IngressCertificateOptions
{
    private static readonly string[] Algorithms = ["RSA", "ECDSA", "Ed25519"];
    private static readonly string[] Encodings = ["PKCS1", "PKCS8"];
    private static readonly string[] RotationPolicies = ["Never", "Always"];

    public static void Apply(IReadOnlyDictionary<string, string> annotations, CertificateSpec spec, List<string> errors)
    {
        if (annotations.TryGetValue(IngressAnnotations.CommonName, out var commonName))
        {
            spec.CommonName = commonName;
        }

        if (annotations.TryGetValue(IngressAnnotations.EmailSans, out var emails))
        {
            spec.EmailAddresses = SplitList(emails);
        }

        spec.Duration = Duration(annotations, IngressAnnotations.Duration, errors);
        spec.RenewBefore = Duration(annotations, IngressAnnotations.RenewBefore, errors);
        spec.RenewBeforePercentage = Integer(annotations, IngressAnnotations.RenewBeforePercentage, 1, 99, "a whole number from 1 to 99", errors);
        spec.RevisionHistoryLimit = Integer(annotations, IngressAnnotations.RevisionHistoryLimit, 1, int.MaxValue, "a whole number of at least 1", errors);
        spec.Usages = UsageList(annotations, errors);
        spec.PrivateKey = PrivateKey(annotations, errors);
        spec.Subject = Subject(annotations);
        spec.SecretTemplate = SecretTemplate(annotations, errors);
    }

    /// <summary>cert-manager splits list annotations as CSV, so a value may hold a quoted comma ("Acme, Inc").</summary>
    public static List<string> SplitList(string text)
    {
        var items = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                items.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        items.Add(current.ToString().Trim());
        return [.. items.Where(i => i.Length > 0)];
    }

    private static string? Duration(IReadOnlyDictionary<string, string> annotations, string key, List<string> errors)
    {
        if (!annotations.TryGetValue(key, out var text))
        {
            return null;
        }

        if (GoDuration.Parse(text, key).Error is { } error)
        {
            errors.Add(error.Message);
            return null;
        }

        return text;
    }

    private static int? Integer(IReadOnlyDictionary<string, string> annotations, string key, int min, int max, string accepted, List<string> errors)
    {
        if (!annotations.TryGetValue(key, out var text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add($"{key}: \"{text}\" is not valid; use {accepted}");
        return null;
    }

    private static List<string>? UsageList(IReadOnlyDictionary<string, string> annotations, List<string> errors)
    {
        if (!annotations.TryGetValue(IngressAnnotations.Usages, out var text))
        {
            return null;
        }

        var usages = SplitList(text);
        foreach (var usage in usages)
        {
            if (Usages.Resolve([usage], isCA: false).Error is { } error)
            {
                errors.Add($"{IngressAnnotations.Usages}: \"{usage}\" is not a key usage; accepted values: {string.Join(", ", error.Accepted ?? [])}");
            }
        }

        return usages;
    }

    private static CertificatePrivateKey? PrivateKey(IReadOnlyDictionary<string, string> annotations, List<string> errors)
    {
        var key = new CertificatePrivateKey
        {
            Algorithm = OneOf(annotations, IngressAnnotations.PrivateKeyAlgorithm, Algorithms, errors),
            Encoding = OneOf(annotations, IngressAnnotations.PrivateKeyEncoding, Encodings, errors),
            RotationPolicy = OneOf(annotations, IngressAnnotations.PrivateKeyRotationPolicy, RotationPolicies, errors),
            Size = Integer(annotations, IngressAnnotations.PrivateKeySize, 1, int.MaxValue,
                "a key size in bits: 2048, 4096 or 8192 for RSA; 256, 384 or 521 for ECDSA", errors),
        };
        return key is { Algorithm: null, Encoding: null, RotationPolicy: null, Size: null } ? null : key;
    }

    /// <summary>Matches case-insensitively, as cert-manager does, and stores the canonical spelling.</summary>
    private static string? OneOf(IReadOnlyDictionary<string, string> annotations, string key, string[] accepted, List<string> errors)
    {
        if (!annotations.TryGetValue(key, out var text))
        {
            return null;
        }

        if (Array.Find(accepted, a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase)) is { } canonical)
        {
            return canonical;
        }

        errors.Add($"{key}: \"{text}\" is not valid; accepted values: {string.Join(", ", accepted)}");
        return null;
    }

    private static X509Subject? Subject(IReadOnlyDictionary<string, string> annotations)
    {
        List<string>? List(string key) => annotations.TryGetValue(key, out var text) ? SplitList(text) : null;
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

    private static CertificateSecretTemplate? SecretTemplate(IReadOnlyDictionary<string, string> annotations, List<string> errors)
    {
        if (!annotations.TryGetValue(IngressAnnotations.SecretTemplate, out var text))
        {
            return null;
        }

        const string Accepted = "use a JSON object such as {\"labels\":{\"app\":\"web\"},\"annotations\":{\"team\":\"a\"}}";
        try
        {
            if (JsonSerializer.Deserialize(text, CertManagerJsonContext.Default.CertificateSecretTemplate) is { } template)
            {
                return template;
            }
        }
        catch (JsonException e)
        {
            errors.Add($"{IngressAnnotations.SecretTemplate}: not valid JSON ({e.Message}); {Accepted}");
            return null;
        }

        errors.Add($"{IngressAnnotations.SecretTemplate}: \"{text}\" is not a JSON object; {Accepted}");
        return null;
    }
}
