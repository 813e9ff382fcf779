using CertOperator.Crds.Issuers;

namespace CertOperator.Validation;

/// <summary>
/// cert-manager's webhook checks on an Issuer's or ClusterIssuer's spec (validation/issuer.go): exactly one
/// issuer type, then that type's own rules. Pure, so the Issuer controllers and a webhook share it.
/// </summary>
internal static class IssuerValidation
{
    private const string MoreThanOne = "may not specify more than one issuer type; keep only one of spec.acme, spec.ca or spec.selfSigned";

    public static IReadOnlyList<FieldError> Validate(IssuerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<FieldError>();
        var configured = 0;
        if (spec.Acme is { } acme)
        {
            configured++;
            AcmeIssuerValidation.Validate(acme, errors);
        }

        if (spec.Ca is { } ca && ++configured == 1)
        {
            ValidateCa(ca, errors);
        }
        else if (spec.Ca is not null)
        {
            errors.Add(new("spec.ca", MoreThanOne));
        }

        if (spec.SelfSigned is { } selfSigned && ++configured == 1)
        {
            Urls(selfSigned.CrlDistributionPoints, "spec.selfSigned.crlDistributionPoints", errors);
        }
        else if (spec.SelfSigned is not null)
        {
            errors.Add(new("spec.selfSigned", MoreThanOne));
        }

        if (configured == 0)
        {
            errors.Add(new("spec", "at least one issuer must be configured: set one of spec.acme, spec.ca or spec.selfSigned"));
        }

        return errors;
    }

    private static void ValidateCa(CaIssuer ca, List<FieldError> errors)
    {
        KubernetesNameRules.RequireSubdomain(ca.SecretName, "spec.ca.secretName", "kubernetes.io/tls Secret holding the CA certificate and key", errors);
        Urls(ca.CrlDistributionPoints, "spec.ca.crlDistributionPoints", errors);
        Urls(ca.OcspServers, "spec.ca.ocspServers", errors);
        Urls(ca.IssuingCertificateURLs, "spec.ca.issuingCertificateURLs", errors);
    }

    private static void Urls(List<string>? urls, string field, List<FieldError> errors)
    {
        var list = urls ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (!AddressRules.IsAbsoluteUri(list[i]))
            {
                errors.Add(new($"{field}[{i}]", $"\"{list[i]}\": must be a valid URL, e.g., http://ocsp.int-x3.letsencrypt.org"));
            }
        }
    }
}
