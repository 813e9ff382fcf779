using CertOperator.Crds.Certificates;
using CertOperator.Crds.Meta;

namespace CertOperator.Validation;

/// <summary>
/// What a Certificate writes besides the key pair and how it is kept: keystores, additional output formats,
/// the Secret template, revision history, and name constraints (for CAs only).
/// </summary>
internal static class CertificateOutputRules
{
    private const string DirectInjectionAnnotation = "cert-manager.io/allow-direct-injection";

    public static void Validate(CertificateSpec spec, List<FieldError> errors)
    {
        if (spec.RevisionHistoryLimit is < 1)
        {
            errors.Add(new("spec.revisionHistoryLimit", $"{spec.RevisionHistoryLimit}: must not be less than 1; unset it to keep every CertificateRequest"));
        }

        ValidateKeystores(spec.Keystores, errors);
        ValidateOutputFormats(spec.AdditionalOutputFormats ?? [], errors);
        ValidateSecretTemplate(spec.SecretTemplate, errors);
        if (spec.NameConstraints is { } constraints)
        {
            ValidateNameConstraints(constraints, spec.IsCA ?? false, errors);
        }
    }

    /// <summary>A keystore's password comes from exactly one of `passwordSecretRef` and a literal `password` (cert-manager 1.21's rules and messages).</summary>
    private static void ValidateKeystores(CertificateKeystores? keystores, List<FieldError> errors)
    {
        if (keystores?.Jks is { } jks)
        {
            ValidatePassword(jks.Password, jks.PasswordSecretRef, "jks", "JKS", errors);
        }

        if (keystores?.Pkcs12 is { } pkcs12)
        {
            ValidatePassword(pkcs12.Password, pkcs12.PasswordSecretRef, "pkcs12", "PKCS#12", errors);
        }

        if (keystores?.Pkcs12?.Profile is { Length: > 0 } profile && profile is not ("LegacyRC2" or "LegacyDES" or "Modern2023" or "Modern2026"))
        {
            errors.Add(new("spec.keystores.pkcs12.profile", $"Unsupported value: \"{profile}\": supported values: \"LegacyRC2\", \"LegacyDES\", \"Modern2023\", \"Modern2026\""));
        }
    }

    private static void ValidatePassword(string? password, SecretKeySelector? reference, string field, string format, List<FieldError> errors)
    {
        var path = $"spec.keystores.{field}";
        var hasReference = !string.IsNullOrEmpty(reference?.Name);
        if (password is not null && hasReference)
        {
            errors.Add(new(path, $"exactly one of passwordSecretRef and password must be provided for {format} keystores; cannot set both"));
        }
        else if (password is null && !hasReference)
        {
            errors.Add(new(path, $"must set exactly one of passwordSecretRef and password for {format} keystores"));
        }
        else if (password is { Length: 0 })
        {
            errors.Add(new($"{path}.password", $"literal password cannot be empty if set on {format} keystores"));
        }
    }

    private static void ValidateOutputFormats(List<CertificateAdditionalOutputFormat> formats, List<FieldError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < formats.Count; i++)
        {
            var type = formats[i].Type;
            if (type is not ("DER" or "CombinedPEM"))
            {
                errors.Add(new($"spec.additionalOutputFormats[{i}].type", $"Unsupported value: \"{type}\": supported values: \"DER\", \"CombinedPEM\""));
            }
            else if (!seen.Add(type))
            {
                errors.Add(new("spec.additionalOutputFormats[type]", $"Duplicate value: \"{type}\"; list each format once"));
            }
        }
    }

    private static void ValidateSecretTemplate(CertificateSecretTemplate? template, List<FieldError> errors)
    {
        if (template is null)
        {
            return;
        }

        KubernetesNameRules.ValidateLabels(template.Labels, "spec.secretTemplate.labels", errors);
        foreach (var key in (template.Annotations ?? []).Keys.Order(StringComparer.Ordinal))
        {
            if (key.StartsWith("cert-manager.io/", StringComparison.Ordinal) && key != DirectInjectionAnnotation)
            {
                errors.Add(new("spec.secretTemplate.annotations", $"\"{key}\": cert-manager.io/* annotations are not allowed; the operator sets them itself"));
            }
        }
    }

    private static void ValidateNameConstraints(NameConstraints constraints, bool isCA, List<FieldError> errors)
    {
        if (!isCA)
        {
            errors.Add(new("spec.nameConstraints", "isCA should be true when nameConstraints is set; set spec.isCA or remove spec.nameConstraints"));
        }

        if (constraints.Permitted is null && constraints.Excluded is null)
        {
            errors.Add(new("spec.nameConstraints", "either permitted or excluded must be set"));
        }

        foreach (var (item, path) in new[] { (constraints.Permitted, "spec.nameConstraints.permitted"), (constraints.Excluded, "spec.nameConstraints.excluded") })
        {
            var ranges = item?.IpRanges ?? [];
            for (var i = 0; i < ranges.Count; i++)
            {
                if (!AddressRules.IsCidr(ranges[i]))
                {
                    errors.Add(new($"{path}.ipRanges[{i}]", $"\"{ranges[i]}\": invalid CIDR address; write e.g. 10.0.0.0/8 or 2001:db8::/32"));
                }
            }
        }
    }
}
