using CertOperator.Crds.Certificates;

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

    /// <summary>
    /// cert-manager 1.21 takes a keystore password from `passwordSecretRef` or a literal `password`; this
    /// operator's API has only `passwordSecretRef`, so that one must name a Secret.
    /// </summary>
    private static void ValidateKeystores(CertificateKeystores? keystores, List<FieldError> errors)
    {
        if (keystores?.Jks is { } jks && string.IsNullOrEmpty(jks.PasswordSecretRef?.Name))
        {
            errors.Add(new("spec.keystores.jks.passwordSecretRef.name", "must be set for JKS keystores: name the Secret holding the keystore password"));
        }

        if (keystores?.Pkcs12 is { } pkcs12 && string.IsNullOrEmpty(pkcs12.PasswordSecretRef?.Name))
        {
            errors.Add(new("spec.keystores.pkcs12.passwordSecretRef.name", "must be set for PKCS#12 keystores: name the Secret holding the keystore password"));
        }

        if (keystores?.Pkcs12?.Profile is { Length: > 0 } profile && profile is not ("LegacyRC2" or "LegacyDES" or "Modern2023"))
        {
            errors.Add(new("spec.keystores.pkcs12.profile", $"Unsupported value: \"{profile}\": supported values: \"LegacyRC2\", \"LegacyDES\", \"Modern2023\""));
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
